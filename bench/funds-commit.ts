/**
 * Funds bench (issue 4): 500 concurrent commitments against ONE budget line whose amount affords
 * exactly N of them, through the real LedgerService (the production write path: row lock, invariant,
 * entry, balances and audit event in one transaction). Prints the successes (must be exactly N), the
 * final balance against the ledger sum (must be equal), the throughput, and — in the same run, on the
 * same machine and database server — the throughput of a serial single-row UPDATE loop, with the ratio
 * (target ≥ 0.5). A benchmark, not a test: it prints figures and exits 0 unless an invariant broke.
 *
 *   npx ts-node --transpile-only -P bench/tsconfig.json bench/funds-commit.ts
 *   env: BENCH_FUNDS_DB (default diandan_bench_funds), BENCH_COMMITS (500), BENCH_AFFORDABLE (200), BENCH_SERIAL (2000)
 */
import 'reflect-metadata';

import { migrate, openDataSource } from '../backend/src/cli/db';
import { seedDemo } from '../backend/src/cli/seed-demo';
import { loadDotEnv } from '../backend/src/config/dotenv';
import { loadEnv } from '../backend/src/config/env';
import { AuditService } from '../backend/src/modules/audit';
import { ledgerConsistency, LedgerService } from '../backend/src/modules/funds';
import { Actor } from '../backend/src/platform/access';

const num = (name: string, d: number) => (process.env[name] ? Number(process.env[name]) : d);

async function main(): Promise<void> {
  loadDotEnv();
  const db = process.env.BENCH_FUNDS_DB ?? 'diandan_bench_funds';
  if (!db.startsWith('diandan_bench')) throw new Error('BENCH_FUNDS_DB must start with diandan_bench');
  process.env.DB_NAME = db;
  const env = loadEnv();
  const commits = num('BENCH_COMMITS', 500);
  const affordable = num('BENCH_AFFORDABLE', 200);
  const serial = num('BENCH_SERIAL', 2000);
  const each = 12_345n; // fen per commitment

  await migrate(env, db);
  const ds = await openDataSource({ ...env, DB_POOL_SIZE: env.DB_POOL_SIZE } as typeof env, db);
  await ds.destroy();
  const { DataSource } = await import('typeorm');
  const { typeOrmOptions } = await import('../backend/src/platform/database/typeorm-options');
  const pool = await new DataSource(typeOrmOptions(env, { database: db })).initialize();
  try {
    await seedDemo(pool);
    const ledger = new LedgerService(pool, new AuditService(pool), env);
    const system: Actor = {
      userId: 0,
      username: 'bench',
      roles: [],
      regionId: null,
      regionPath: null,
      organisationId: null,
      sessionId: null,
      ip: null,
    };

    // one ACTIVE line that affords exactly `affordable` commitments
    const [{ id: regionId, path }] = (await pool.query(
      "SELECT id, path FROM regions WHERE code = '320106000000'",
    )) as Array<{ id: number; path: string }>;
    const run = Date.now().toString(36);
    const ins = (await pool.query(
      `INSERT INTO budget_lines (year, region_id, region_path, source, title, status, requested_fen, available_fen, reserved_fen, committed_fen, paid_fen, year_closed, created_by, created_at, updated_at)
       VALUES (2026, ?, ?, 'DISTRICT_FINANCE', ?, 'ACTIVE', ?, 0, 0, 0, 0, 0, 1, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [regionId, path, `bench ${run}`, (each * BigInt(affordable) + each - 1n).toString()],
    )) as { insertId: number };
    const lineId = ins.insertId;
    await ledger.post(system, {
      lineId,
      operation: 'ALLOCATE',
      amountFen: each * BigInt(affordable) + each - 1n,
      idempotencyKey: `bench-${run}-allocate`,
    });

    const t0 = process.hrtime.bigint();
    const results = await Promise.allSettled(
      Array.from({ length: commits }, (_, i) =>
        ledger.post(system, {
          lineId,
          operation: 'COMMIT_DIRECT',
          amountFen: each,
          idempotencyKey: `bench-${run}-commit-${i}`,
        }),
      ),
    );
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const insufficient = results.filter(
      (r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'FUNDS_INSUFFICIENT',
    ).length;
    const otherErrors = commits - ok - insufficient;

    const [line] = (await pool.query('SELECT available_fen, committed_fen FROM budget_lines WHERE id = ?', [
      lineId,
    ])) as Array<{ available_fen: string; committed_fen: string }>;
    const [sum] = (await pool.query(
      "SELECT COALESCE(SUM(amount_fen), 0) AS s FROM ledger_entries WHERE line_id = ? AND operation = 'COMMIT_DIRECT'",
      [lineId],
    )) as Array<{ s: string }>;
    const consistency = await ledgerConsistency(pool);

    // baseline: a serial single-row UPDATE loop (autocommit), same server, same run
    await pool.query('CREATE TABLE IF NOT EXISTS bench_counter (id int PRIMARY KEY, v bigint NOT NULL)');
    await pool.query('INSERT IGNORE INTO bench_counter VALUES (1, 0)');
    const runner = pool.createQueryRunner();
    await runner.connect();
    const s0 = process.hrtime.bigint();
    for (let i = 0; i < serial; i++) await runner.query('UPDATE bench_counter SET v = v + 1 WHERE id = 1');
    const serialSeconds = Number(process.hrtime.bigint() - s0) / 1e9;
    await runner.release();

    const ledgerRate = commits / seconds;
    const serialRate = serial / serialSeconds;
    const report = {
      commitsAttempted: commits,
      affordable,
      succeeded: ok,
      refusedInsufficient: insufficient,
      otherErrors,
      exactlyAffordable: ok === affordable,
      committedBalanceFen: line.committed_fen,
      ledgerSumFen: sum.s,
      balanceEqualsLedger: line.committed_fen === String(sum.s) && consistency.ok,
      ledgerThroughputPerSec: Math.round(ledgerRate),
      serialUpdateThroughputPerSec: Math.round(serialRate),
      ratio: Math.round((ledgerRate / serialRate) * 100) / 100,
      ratioTargetMet: ledgerRate / serialRate >= 0.5,
    };
    console.log(JSON.stringify(report, null, 2));
    console.log(
      `funds-commit: ${ok}/${commits} commitments succeeded (affordable ${affordable}); balance ${line.committed_fen} fen = ledger ${sum.s} fen; ` +
        `${report.ledgerThroughputPerSec} commitments/s vs ${report.serialUpdateThroughputPerSec} serial UPDATEs/s → ratio ${report.ratio} (target ≥ 0.5)`,
    );
    if (!report.exactlyAffordable || !report.balanceEqualsLedger) process.exitCode = 1;
  } finally {
    await pool.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
