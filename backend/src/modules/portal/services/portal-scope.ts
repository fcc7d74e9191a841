import { shanghaiDate } from '../../regions';
import { PortalError, PortalErrorCode } from '../domain/portal.errors';
import type { PortalRegionRefDto } from '../dto/portal.dto';

/** The SQL the portal's reads share: which projects are public, and a region subtree as an index-friendly prefix. */

/** Project statuses of an approved project: its money is reserved, its needs count as funded. */
export const FUNDED_STATUSES = [
  'APPROVED',
  'TENDERING',
  'AWARDED',
  'CONTRACTED',
  'IN_PROGRESS',
  'COMPLETED',
  'EVALUATED',
  'CLOSED',
];
const FUNDED_SQL = FUNDED_STATUSES.map((s) => `'${s}'`).join(', ');

/**
 * A project is public once finance approved it (its budget reserved) — drafts and projects awaiting approval are
 * not — and stays public if it is cancelled after a call was published for it.
 */
export const PUBLIC_PROJECT_SQL = `(p.status IN (${FUNDED_SQL}) OR (p.status = 'CANCELLED' AND EXISTS (
  SELECT 1 FROM tenders tp WHERE tp.project_id = p.id AND tp.published_at IS NOT NULL)))`;
export const FUNDED_PROJECT_SQL = `p.status IN (${FUNDED_SQL})`;

export interface RegionRow {
  id: number;
  name: string;
  level: string;
  path: string;
  parent_id: number | null;
}

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** `/1/4/` → a LIKE pattern for the subtree (ids and slashes only: nothing to escape). */
export function subtreePattern(path: string): string {
  if (!/^(\/\d+)+\/$/.test(path)) throw new RangeError(`Not a region path: ${path}`);
  return `${path}%`;
}

/** The needs' own column for a region of each level (the needs table is indexed per level). */
export function needRegionColumn(level: string): string {
  switch (level) {
    case 'CITY':
      return 'n.city_id';
    case 'DISTRICT':
      return 'n.district_id';
    case 'STREET':
      return 'n.street_id';
    default:
      return 'n.region_id';
  }
}

export async function regionOrRoot(db: Queryable, regionId: number | undefined): Promise<RegionRow> {
  const rows = (await db.query(
    regionId === undefined
      ? 'SELECT id, name, level, path, parent_id FROM regions WHERE parent_id IS NULL ORDER BY id LIMIT 1'
      : 'SELECT id, name, level, path, parent_id FROM regions WHERE id = ?',
    regionId === undefined ? [] : [regionId],
  )) as RegionRow[];
  if (rows.length === 0) throw new PortalError(PortalErrorCode.REGION_NOT_FOUND, `Region ${regionId ?? ''} not found.`);
  return rows[0];
}

export function regionRef(r: { id: number; name: string; level: string }): PortalRegionRefDto {
  return { id: r.id, name: r.name, level: r.level };
}

/** This year in Beijing. */
export function currentYear(now: Date = new Date()): number {
  return Number(shanghaiDate(now).slice(0, 4));
}

/** The UTC instants bounding a Beijing calendar year: [Y-01-01 00:00 +08:00, (Y+1)-01-01 00:00 +08:00). */
export function yearBounds(year: number): [Date, Date] {
  return [new Date(Date.UTC(year - 1, 11, 31, 16)), new Date(Date.UTC(year, 11, 31, 16))];
}
