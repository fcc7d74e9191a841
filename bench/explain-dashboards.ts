/* eslint-disable no-console -- a command-line tool: its output is the report */
/**
 * EXPLAIN and timings of every dashboard statement (ReportingQueries, verbatim) on a bench database: the plan
 * MariaDB picks (table, index, rows) and the time of each statement, for the whole bench city, its busiest and its
 * median district, with and without a category.
 *
 *   mysql diandan_bench_<x> < bench/dashboards-chain.sql      # the contracts/evaluation chain, if the seed has none
 *   BENCH_DB=diandan_bench_<x> npx ts-node --transpile-only -P backend/tsconfig.app.json bench/explain-dashboards.ts
 *
 * BENCH_EXPLAIN_REPEAT (default 20): executions per statement and scope (p50 and max of them, warm cache).
 */
import 'reflect-metadata';

import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';

import { ReportingQueries, ReportScope } from '../backend/src/modules/reporting';
import { BENCH_CITY, benchConnection, benchDbName, benchEnv, intEnv } from './common';

const DB = benchDbName();
const REPEAT = intEnv('BENCH_EXPLAIN_REPEAT', 20, 1, 1000);

async function main(): Promise<void> {
  const env = benchEnv(DB);
  const conn = await benchConnection(env, DB);
  let last: { sql: string; params: unknown[] } = { sql: '', params: [] };
  // ReportingQueries only calls `query(sql, params)`: a mysql2 connection behind that one method
  const db = {
    query: async (sql: string, params: unknown[]) => {
      last = { sql, params };
      return (await conn.query(sql, params))[0];
    },
  } as unknown as DataSource;
  const queries = new ReportingQueries(db);
  const rows = async <T>(sql: string, params: unknown[] = []) => (await conn.query(sql, params))[0] as T[];
  try {
    const [city] = await rows<{ path: string }>('SELECT path FROM regions WHERE code = ?', [BENCH_CITY.code]);
    if (!city) throw new Error(`${DB} has no bench city: run bench/seed-scale.ts first`);
    const count = async (table: string) =>
      Number((await rows<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    console.log(
      `# ${DB}: ${await count('needs')} needs, ${await count('projects')} projects, ${await count('budget_lines')} lines, ` +
        `${await count('ledger_entries')} ledger entries, ${await count('contracts')} contracts, ` +
        `${await count('contract_milestones')} milestones, ${await count('evaluation_tasks')} evaluation tasks, ` +
        `${await count('evaluation_survey_answers')} survey answers`,
    );
    const districts = await rows<{ path: string; name: string; n: string }>(
      `SELECT r.path, r.name, COUNT(*) AS n FROM regions r JOIN needs x ON x.district_id = r.id
        WHERE r.level = 'DISTRICT' AND r.path LIKE ? GROUP BY r.id ORDER BY n DESC`,
      [`${city.path}%`],
    );
    const [{ now }] = await rows<{ now: Date }>('SELECT UTC_TIMESTAMP(3) AS now');
    const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    const scopes: Array<[string, ReportScope]> = [
      [`city ${BENCH_CITY.name}`, { rootPath: city.path, year, category: null, now }],
      [`city, category A`, { rootPath: city.path, year, category: 'A', now }],
      [
        `busiest district ${districts[0].name} (${districts[0].n} needs)`,
        { rootPath: districts[0].path, year, category: null, now },
      ],
      [
        `median district ${districts[Math.floor(districts.length / 2)].name}`,
        { rootPath: districts[Math.floor(districts.length / 2)].path, year, category: null, now },
      ],
    ];
    const statements: Array<[string, (s: ReportScope) => Promise<unknown>]> = [
      ['needStatusCounts', (s) => queries.needStatusCounts(s)],
      ['needProgress', (s) => queries.needProgress(s)],
      ['ledgerMoves', (s) => queries.ledgerMoves(s)],
      ['projectStages', (s) => queries.projectStages(s)],
      ['milestones', (s) => queries.milestones(s)],
      ['grades', (s) => queries.grades(s)],
      ['satisfaction', (s) => queries.satisfaction(s)],
      ['organisationContracts', (s) => queries.organisationContracts(s)],
      ['organisationMilestones', (s) => queries.organisationMilestones(s)],
      ['organisationGrades', (s) => queries.organisationGrades(s)],
      [
        'organisations (the first 200 ids)',
        async (s) => {
          const ids = (await queries.organisationContracts(s)).slice(0, 200).map((r) => Number(r.organisation_id));
          return queries.organisations(ids, s);
        },
      ],
    ];
    for (const [label, scope] of scopes) {
      console.log(`\n## ${label}`);
      for (const [name, run] of statements) {
        const times: number[] = [];
        let result: unknown;
        for (let i = 0; i < REPEAT; i++) {
          const t0 = performance.now();
          result = await run(scope);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const plan = await rows<{
          table: string;
          type: string;
          key: string | null;
          rows: string;
          Extra: string | null;
        }>(`EXPLAIN ${last.sql}`, last.params);
        const n = Array.isArray(result) ? result.length : 1;
        console.log(
          `${name.padEnd(36)} p50 ${times[Math.floor(times.length / 2)].toFixed(1).padStart(7)} ms  max ${times[
            times.length - 1
          ]
            .toFixed(1)
            .padStart(7)} ms  ${String(n).padStart(5)} rows`,
        );
        for (const p of plan)
          console.log(
            `    ${String(p.table).padEnd(14)} ${String(p.type).padEnd(7)} ${String(p.key ?? '-').padEnd(40)} rows ${String(p.rows).padStart(8)}  ${p.Extra ?? ''}`,
          );
      }
    }
  } finally {
    await conn.end();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
