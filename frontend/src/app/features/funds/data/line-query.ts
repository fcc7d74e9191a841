import type { BudgetLineQuery, BudgetLineStatus, FundSource } from '../../../api';

/** The filters of the budget-lines page (the region as a tree-select key). */
export interface LineFilters {
  year: number | null;
  regionId: string | null;
  source: FundSource | null;
  status: BudgetLineStatus | null;
  /** Part of the title (optional for callers that do not search). */
  q?: string;
}

/** The query of `GET /funds/lines` (and of its Excel export) for the filters and a page. */
export function toLineQuery(f: LineFilters, page: number, pageSize: number): BudgetLineQuery {
  const regionId = f.regionId ? Number(f.regionId) : null;
  return {
    year: f.year ?? null,
    regionId: regionId !== null && Number.isInteger(regionId) && regionId > 0 ? regionId : null,
    source: f.source ?? null,
    status: f.status ?? null,
    q: f.q?.trim() || null,
    page,
    pageSize,
  };
}
