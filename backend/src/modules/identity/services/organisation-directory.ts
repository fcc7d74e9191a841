import type { EntityManager } from 'typeorm';

/** What identity needs to know about an organisation (membership checks, `GET /me`). */
export interface OrganisationSummary {
  id: number;
  name: string;
  kind: string;
  status: string;
  /** Materialised path of the region the organisation is registered in (scope checks of administrators). */
  regionPath: string | null;
}

/**
 * Port through which identity reads organisations. The organisations context implements it and
 * provides it globally (it depends on identity to create member accounts, so identity cannot
 * import it back without a cycle).
 */
export interface OrganisationDirectory {
  findById(id: number, em?: EntityManager): Promise<OrganisationSummary | null>;
}

export const ORGANISATION_DIRECTORY = Symbol('ORGANISATION_DIRECTORY');
