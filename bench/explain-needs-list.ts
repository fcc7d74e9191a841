/* eslint-disable no-console -- a command-line tool: its output is the report */
/**
 * EXPLAIN / ANALYZE of the needs list SQL (buildNeedListQuery, verbatim) for typical filters on the
 * bench dataset: which index MariaDB picks, how many rows it reads, how long the statement takes.
 *
 *   npx ts-node --transpile-only -P backend/tsconfig.app.json bench/explain-needs-list.ts
 *
 * Regions: the busiest and a median district / street / community of the generated city (by needs).
 * BENCH_EXPLAIN_FORMAT=json prints MariaDB's ANALYZE FORMAT=JSON for each statement as well.
 * BENCH_EXPLAIN_REPEAT (default 5): executions per statement for the timing (median, warm cache).
 * BENCH_EXPLAIN_ONLY=district,city: only these region levels.
 */
import 'reflect-metadata';

import { performance } from 'node:perf_hooks';
import type { RowDataPacket } from 'mysql2/promise';

import {
  buildNeedListQuery,
  LEVEL_COLUMN,
  type NeedListFilter,
  type NeedSort,
} from '../backend/src/modules/needs/services/need-list.query';
import { BENCH_CITY, benchConnection, benchDbName, benchEnv, intEnv } from './common';

const DB = benchDbName();
const REPEAT = intEnv('BENCH_EXPLAIN_REPEAT', 5, 1, 50);
const JSON_FORMAT = process.env.BENCH_EXPLAIN_FORMAT === 'json';

type Level = keyof typeof LEVEL_COLUMN;

async function main(): Promise<void> {
  const env = benchEnv(DB);
  const conn = await benchConnection(env, DB);
  const q = async <T = RowDataPacket>(sql: string, params: unknown[] = []) =>
    (await conn.query(sql, params))[0] as unknown as T[];
  try {
    const [city] = await q<{ id: number; path: string }>('SELECT id, path FROM regions WHERE code = ?', [
      BENCH_CITY.code,
    ]);
    if (!city) throw new Error(`${DB} has no bench city: run bench/seed-scale.ts first`);
    const [{ n }] = await q<{ n: number }>('SELECT COUNT(*) AS n FROM needs');
    const [srv] = await q<{ v: string; bp: number }>('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS bp');
    const idx = await q<{ k: string; cols: string }>(
      `SELECT index_name AS k, GROUP_CONCAT(column_name ORDER BY seq_in_index) AS cols
        FROM information_schema.statistics WHERE table_schema = ? AND table_name = 'needs' AND index_name LIKE 'idx_needs_%' GROUP BY index_name`,
      [DB],
    );
    console.log(
      `# ${DB} on ${env.DB_HOST}:${env.DB_PORT}: ${n} needs; ${srv.v}, innodb_buffer_pool_size ${Math.round(Number(srv.bp) / 1048576)} MB`,
    );
    console.log(`# needs indexes: ${idx.map((r) => `${r.k}(${r.cols})`).join(', ')}\n`);

    const picks: Array<{ level: Level; id: number; label: string; needs: number }> = [];
    for (const level of ['DISTRICT', 'STREET', 'COMMUNITY'] as Level[]) {
      const col = LEVEL_COLUMN[level];
      const rows = await q<{ id: number; c: number }>(
        `SELECT ${col} AS id, COUNT(*) AS c FROM needs WHERE city_id = ? GROUP BY ${col} ORDER BY c DESC`,
        [city.id],
      );
      picks.push({ level, id: rows[0].id, label: 'busiest', needs: Number(rows[0].c) });
      const mid = rows[Math.floor(rows.length / 2)];
      picks.push({ level, id: mid.id, label: 'median', needs: Number(mid.c) });
    }
    picks.push({
      level: 'CITY',
      id: city.id,
      label: 'whole city',
      needs: Number((await q<{ c: number }>('SELECT COUNT(*) AS c FROM needs WHERE city_id = ?', [city.id]))[0].c),
    });
    const [top] = await q<{ id: number; name: string }>(
      `SELECT c.id, c.name FROM catalogue_categories c
        WHERE c.parent_id IS NULL AND c.version_id = (SELECT catalogue_version_id FROM campaigns WHERE region_path LIKE ? LIMIT 1) ORDER BY c.id LIMIT 1`,
      [`${city.path}%`],
    );
    const sub = await q<{ id: number }>('SELECT id FROM catalogue_categories WHERE id = ? OR parent_id = ?', [
      top.id,
      top.id,
    ]);
    const categoryIds = sub.map((r) => r.id);

    const cases: Array<{ name: string; statuses: string[]; categoryIds?: number[]; sort: NeedSort; page: number }> = [
      { name: '1 status, -createdAt, p1', statuses: ['ACCEPTED'], sort: '-createdAt', page: 1 },
      { name: '1 status, -createdAt, p5', statuses: ['ACCEPTED'], sort: '-createdAt', page: 5 },
      { name: '1 status, createdAt, p1', statuses: ['APPROVED'], sort: 'createdAt', page: 1 },
      { name: '2 statuses, -createdAt, p1', statuses: ['APPROVED', 'IN_PROCUREMENT'], sort: '-createdAt', page: 1 },
      {
        name: `1 status + category ${top.name}, -createdAt, p1`,
        statuses: ['ACCEPTED'],
        categoryIds,
        sort: '-createdAt',
        page: 1,
      },
      {
        name: `2 statuses + category ${top.name}, -createdAt, p1`,
        statuses: ['ACCEPTED', 'SHORTLISTED'],
        categoryIds,
        sort: '-createdAt',
        page: 1,
      },
      { name: '1 status, -supportCount, p1', statuses: ['ACCEPTED'], sort: '-supportCount', page: 1 },
    ];

    const only = process.env.BENCH_EXPLAIN_ONLY?.toUpperCase().split(',');
    for (const p of picks.filter((x) => !only || only.includes(x.level))) {
      console.log(`## ${p.level} ${p.id} (${p.label}, ${p.needs} needs)`);
      for (const c of cases) {
        const f: NeedListFilter = {
          region: { column: LEVEL_COLUMN[p.level], id: p.id },
          statuses: c.statuses,
          categoryIds: c.categoryIds,
          sort: c.sort,
          page: c.page,
          pageSize: 20,
        };
        const built = buildNeedListQuery(f);
        console.log(`### ${c.name}`);
        for (const [kind, sql, params] of [
          ['list ', built.sql, [...built.params, ...built.pageParams]],
          ['count', built.countSql, built.params],
        ] as const) {
          const plan = await q<Record<string, unknown>>(`EXPLAIN ${sql}`, params as unknown[]);
          const times: number[] = [];
          for (let i = 0; i < REPEAT; i++) {
            const t = performance.now();
            await q(sql, params as unknown[]);
            times.push(performance.now() - t);
          }
          times.sort((x, y) => x - y);
          const an = await q<Record<string, unknown>>(`ANALYZE ${sql}`, params as unknown[]);
          for (const [i, r] of plan.entries()) {
            const time =
              i === 0 ? `   [median of ${REPEAT}: ${times[Math.floor(times.length / 2)].toFixed(2)} ms]` : '';
            console.log(
              `  ${kind}  type=${r.type} key=${r.key} key_len=${r.key_len} rows≈${r.rows} r_rows=${an[i]?.r_rows} r_filtered=${an[i]?.r_filtered}  ${r.Extra ?? ''}${time}`,
            );
          }
          if (JSON_FORMAT) {
            const [j] = await q<Record<string, string>>(`ANALYZE FORMAT=JSON ${sql}`, params as unknown[]);
            console.log(
              Object.values(j)[0]
                .split('\n')
                .map((l) => `      ${l}`)
                .join('\n'),
            );
          }
        }
      }
      console.log('');
    }
  } finally {
    await conn.end();
  }
}

main().catch((err: unknown) => {
  console.error('[explain] failed:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
