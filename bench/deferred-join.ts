/**
 * EXPERIMENT ONLY (not used by default): the same list statement as buildNeedListQuery, rewritten as a
 * "deferred join": the filter, sort and LIMIT/OFFSET run on the ids alone (served from the composite
 * index when every filtered and sorted column is in it), then only the page's rows are read.
 *
 *   SELECT cols FROM needs n JOIN (SELECT n.id FROM needs n WHERE … ORDER BY … LIMIT ? OFFSET ?) k
 *     ON k.id = n.id ORDER BY …
 *
 * Used by explain-needs-list.ts (BENCH_SQL=deferred) and the raw endpoint of needs-list.ts
 * (BENCH_SQL=deferred) to measure the proposal in bench/README.md; the application's SQL is unchanged.
 */
import type { BuiltQuery } from '../backend/src/modules/needs/services/need-list.query';

export function deferredJoin(b: BuiltQuery): BuiltQuery {
  // The application adopted this form (need-list.query.ts): nothing left to rewrite.
  if (b.sql.includes(' JOIN (SELECT n.id FROM needs n WHERE ')) return b;
  const m = /^SELECT (.+) FROM needs n WHERE (.+) ORDER BY (.+) LIMIT \? OFFSET \?$/s.exec(b.sql);
  if (!m) throw new Error(`unexpected list SQL shape: ${b.sql}`);
  const [, cols, where, order] = m;
  return {
    ...b,
    sql: `SELECT ${cols} FROM needs n JOIN (SELECT n.id FROM needs n WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?) k ON k.id = n.id ORDER BY ${order}`,
  };
}

export const SQL_VARIANT = (process.env.BENCH_SQL ?? 'verbatim') as 'verbatim' | 'deferred';
if (!['verbatim', 'deferred'].includes(SQL_VARIANT)) throw new Error('BENCH_SQL must be verbatim or deferred');
