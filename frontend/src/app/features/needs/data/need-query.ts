import type { NeedQuery, NeedSort, NeedStatus } from '../../../api';

/** The filters of the approved-needs page as the form holds them (tree-select keys are strings). */
export interface NeedFilters {
  regionId: string | null;
  statuses: NeedStatus[];
  categoryId: string | null;
  campaignId: number | null;
  q: string;
}

/** The API's longest search text. */
export const MAX_QUERY_LENGTH = 50;

function idOf(key: string | null): number | undefined {
  return key && /^\d+$/.test(key) ? Number(key) : undefined;
}

/** Filters as `GET /needs` (and `/needs/export.xlsx`) parameters: statuses comma-joined, empty ones left out. */
export function toNeedQuery(f: NeedFilters, page: number, pageSize: number, sort: NeedSort | null): NeedQuery {
  return {
    regionId: idOf(f.regionId),
    status: f.statuses.length > 0 ? f.statuses.join(',') : undefined,
    categoryId: idOf(f.categoryId),
    campaignId: f.campaignId ?? undefined,
    q: f.q.trim().slice(0, MAX_QUERY_LENGTH) || undefined,
    sort: sort ?? undefined,
    page,
    pageSize,
  };
}

/**
 * An nz-table sort as one of the API's sorts (`-createdAt`, `createdAt`, `-supportCount`). The API
 * cannot sort by fewest supports, so that falls back to the most.
 */
export function toNeedSort(key: string, order: string | null): NeedSort | null {
  if (!order) return null;
  if (key === 'createdAt') return order === 'ascend' ? 'createdAt' : '-createdAt';
  if (key === 'supportCount') return '-supportCount';
  return null;
}
