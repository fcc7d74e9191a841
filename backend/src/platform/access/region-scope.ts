import { Actor } from './actor';

/**
 * Region-subtree scope. Every staff user sees the records of their region and its descendants.
 * Regions carry a materialised path (`/1/4/17/`), so "in scope" is a prefix test in memory and
 * a `LIKE 'prefix%'` (index-friendly) in SQL. Out-of-scope records must answer 404 — callers
 * throw their context's not-found error when {@link inRegionScope} is false.
 */
export function inRegionScope(actor: Pick<Actor, 'regionPath'>, recordRegionPath: string | null | undefined): boolean {
  if (actor.regionPath === null || recordRegionPath === null || recordRegionPath === undefined) return false;
  return recordRegionPath.startsWith(actor.regionPath);
}

/** SQL fragment and parameter restricting `column` (a region path) to the actor's subtree. */
export function regionScopeSql(
  actor: Pick<Actor, 'regionPath'>,
  column: string,
): { sql: string; params: Record<string, string> } {
  if (actor.regionPath === null) return { sql: '1 = 0', params: {} };
  return { sql: `${column} LIKE :scopePrefix`, params: { scopePrefix: `${escapeLike(actor.regionPath)}%` } };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
