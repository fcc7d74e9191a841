import type { OrganisationKind, OrganisationListQuery, OrganisationStatus } from '../../../api';

export interface OrganisationFilters {
  status: OrganisationStatus | null;
  kind: OrganisationKind | null;
  q: string;
}

/** The list query: empty filters left out, the search text trimmed. */
export function toOrganisationQuery(f: OrganisationFilters, page: number, pageSize: number): OrganisationListQuery {
  const q = f.q.trim();
  return {
    page,
    pageSize,
    status: f.status ?? undefined,
    kind: f.kind ?? undefined,
    q: q === '' ? undefined : q,
    sort: f.status === 'PENDING_REVIEW' ? '-createdAt' : undefined,
  };
}
