/**
 * The needs list query (the hot read path, PRODUCT.md §7): one SQL text built from the filter, used
 * by the API and, verbatim, by bench/needs-list's raw-mysql2 endpoint. Region filters are an equality
 * on the need's ancestor column for that level (community → region_id, street → street_id,
 * district → district_id, city → city_id), so each filter + sort is served by one composite index
 * `(level_id, status, created_at, id, category_id, support_count)`. The page is a "deferred join": the
 * filter, sort and LIMIT run on ids alone inside that index, then only the page's rows are read
 * (measured in bench/README.md: the plain form read every row of the range to sort it).
 */
export type RegionLevelColumn = 'region_id' | 'street_id' | 'district_id' | 'city_id';

export const LEVEL_COLUMN: Record<'COMMUNITY' | 'STREET' | 'DISTRICT' | 'CITY', RegionLevelColumn> = {
  COMMUNITY: 'region_id',
  STREET: 'street_id',
  DISTRICT: 'district_id',
  CITY: 'city_id',
};

export const NEED_SORTS = ['-createdAt', 'createdAt', '-supportCount'] as const;
export type NeedSort = (typeof NEED_SORTS)[number];

export interface NeedListFilter {
  region: { column: RegionLevelColumn; id: number };
  statuses?: string[];
  categoryIds?: number[];
  campaignId?: number;
  q?: string;
  /** Residents: besides the listed statuses, also their own needs in any status. */
  orSubmittedBy?: number;
  sort: NeedSort;
  page: number;
  pageSize: number;
}

export interface BuiltQuery {
  sql: string;
  countSql: string;
  params: unknown[];
  pageParams: [number, number];
}

const ORDER: Record<NeedSort, string> = {
  '-createdAt': 'n.created_at DESC, n.id DESC',
  createdAt: 'n.created_at ASC, n.id ASC',
  '-supportCount': 'n.support_count DESC, n.id DESC',
};

export const NEED_LIST_COLUMNS =
  'n.id, n.title, n.status, n.support_count, n.category_id, n.region_id, n.campaign_id, n.channel, n.created_at';

export function buildNeedListQuery(f: NeedListFilter): BuiltQuery {
  const where: string[] = [`n.${f.region.column} = ?`];
  const params: unknown[] = [f.region.id];
  const statusPart: string[] = [];
  if (f.statuses && f.statuses.length > 0) {
    statusPart.push(`n.status IN (${f.statuses.map(() => '?').join(', ')})`);
    params.push(...f.statuses);
  }
  if (f.orSubmittedBy !== undefined) {
    where.push(statusPart.length > 0 ? `(${statusPart[0]} OR n.submitted_by = ?)` : 'n.submitted_by = ?');
    params.push(f.orSubmittedBy);
  } else if (statusPart.length > 0) {
    where.push(statusPart[0]);
  }
  if (f.categoryIds && f.categoryIds.length > 0) {
    where.push(`n.category_id IN (${f.categoryIds.map(() => '?').join(', ')})`);
    params.push(...f.categoryIds);
  }
  if (f.campaignId !== undefined) {
    where.push('n.campaign_id = ?');
    params.push(f.campaignId);
  }
  if (f.q) {
    where.push("n.title LIKE ? ESCAPE '\\\\'");
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const whereSql = where.join(' AND ');
  return {
    sql:
      `SELECT ${NEED_LIST_COLUMNS} FROM needs n JOIN (SELECT n.id FROM needs n WHERE ${whereSql} ORDER BY ${ORDER[f.sort]} LIMIT ? OFFSET ?) k ` +
      `ON k.id = n.id ORDER BY ${ORDER[f.sort]}`,
    countSql: `SELECT COUNT(*) AS total FROM needs n WHERE ${whereSql}`,
    params,
    pageParams: [f.pageSize, (f.page - 1) * f.pageSize],
  };
}
