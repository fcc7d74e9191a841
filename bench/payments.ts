/* eslint-disable no-console -- a command-line tool: its output is the report */
/**
 * Payments bench (issue #10): BENCH_PAYMENTS (1 000) payment requests for accepted milestones across BENCH_LINES
 * (50) budget lines (one contract per line, its milestones sharing the amount), through the real services in one
 * Nest application context on a fresh schema of its own. Every request is submitted twice at once, approved, and
 * every payment is executed twice at once (the pay step) while the payment-due job runs twice for it too. Prints:
 *
 *   requests      rows created (must equal BENCH_PAYMENTS)
 *   payments      DISBURSE entries made (must equal BENCH_PAYMENTS)
 *   double        requests paid more than once, milestones with more than one request (must be 0)
 *   consistency   ledgerConsistency (funds): every line's balances equal its entries (must hold)
 *   throughput    operations per second of each phase, and the p99 latency of one operation
 *
 *   npx ts-node --transpile-only -P bench/tsconfig.json bench/payments.ts
 *   env: BENCH_PAYMENTS_DB (diandan_bench_payments; dropped and created again), BENCH_PAYMENTS (1000), BENCH_LINES (50),
 *        BENCH_CONCURRENCY (16 requests/payments in flight, each sent twice at once)
 *
 * Exits 1 when an invariant broke, 2 on a set-up failure.
 */
import 'reflect-metadata';

import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';

import { dropDatabase, migrate, openDataSource } from '../backend/src/cli/db';
import { seedDemo } from '../backend/src/cli/seed-demo';
import { loadDotEnv } from '../backend/src/config/dotenv';
import { loadEnv } from '../backend/src/config/env';
import { contractWithMilestones } from '../backend/test/factories/contracts-payments.factory';
import { intEnv } from './common';

const DB = process.env.BENCH_PAYMENTS_DB ?? 'diandan_bench_payments';
if (!/^diandan_bench[A-Za-z0-9_]*$/.test(DB)) throw new Error('BENCH_PAYMENTS_DB must start with diandan_bench');
const PAYMENTS = intEnv('BENCH_PAYMENTS', 1000, 1, 100_000);
const LINES = intEnv('BENCH_LINES', 50, 1, 1000);
/** Work items in flight at once (each item is its two duplicate calls, sent together). */
const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 16, 1, 1000);

/** Runs `work` over `items` with at most CONCURRENCY items in flight. */
async function pooled<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function p(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

async function timed<T>(latencies: number[], work: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  const t0 = performance.now();
  try {
    return { status: 'fulfilled', value: await work() };
  } catch (reason) {
    return { status: 'rejected', reason };
  } finally {
    latencies.push(performance.now() - t0);
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  process.env.DB_NAME = DB;
  process.env.QUEUE_PREFIX = DB;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'error';
  const env = loadEnv();
  await dropDatabase(env, DB);
  await migrate(env, DB);
  const seedDs = await openDataSource(env, DB);
  await seedDemo(seedDs);
  await seedDs.destroy();

  const { AppModule } = await import('../backend/src/app.module');
  const { PaymentsService, PaymentJobs, PAYMENT_DUE_JOB } = await import('../backend/src/modules/contracts');
  const { ledgerConsistency } = await import('../backend/src/modules/funds');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  const { DataSource: DS } = await import('typeorm');
  const ds = app.get(DS) as DataSource;
  try {
    const actor = async (username: string, roles: string[]) => {
      const [u] = (await ds.query(
        'SELECT u.id, u.region_path, r.id AS region_id, u.organisation_id FROM users u LEFT JOIN regions r ON r.path = u.region_path WHERE u.username = ?',
        [username],
      )) as Array<{ id: number; region_path: string | null; region_id: number | null; organisation_id: number | null }>;
      return {
        userId: u.id,
        username,
        roles,
        regionPath: u.region_path,
        regionId: u.region_id,
        organisationId: u.organisation_id,
        sessionId: null,
        ip: null,
      } as import('../backend/src/platform/access').Actor;
    };
    const supplier = await actor('orgmember', ['ORG_MEMBER']);
    const officer = await actor('officer', ['PROCUREMENT_OFFICER']);
    const finance = await actor('finance', ['FINANCE_OFFICER']);
    const payments = app.get(PaymentsService);
    const jobs = app.get(PaymentJobs);

    // 50 lines, one contract each; the milestones share 100 % (the last absorbs rounding) and are all ACCEPTED
    const perLine = Math.ceil(PAYMENTS / LINES);
    const targets: Array<{ contractId: number; milestoneId: number }> = [];
    const lineIds: number[] = [];
    for (let l = 0; l < LINES && targets.length < PAYMENTS; l++) {
      const n = Math.min(perLine, PAYMENTS - targets.length);
      const each = Math.floor(10_000 / n);
      const shares = Array.from({ length: n }, (_, i) => (i === n - 1 ? 10_000 - each * (n - 1) : each));
      const c = await contractWithMilestones(app, ds, {
        amountFen: 1_234_567n * BigInt(n),
        sharesBp: shares,
        accepted: n,
        label: `bench-${l}`,
        lineExtraFen: 100n,
      });
      lineIds.push(c.lineId);
      for (const m of c.milestoneIds) targets.push({ contractId: c.contractId, milestoneId: m });
    }
    // the final tranche is HELD by rule: release each at a full score so that it is requested like the others
    const finals = (await ds.query(
      `SELECT m.contract_id FROM contract_milestones m WHERE m.is_final = 1 AND m.contract_id IN (${[...new Set(targets.map((x) => x.contractId))].join(',')})`,
    )) as Array<{ contract_id: number }>;

    // 1. every request submitted twice at once
    const reqLat: number[] = [];
    const t1 = performance.now();
    await pooled(targets, (x) =>
      Promise.all([0, 1].map(() => timed(reqLat, () => payments.request(supplier, x.contractId, x.milestoneId)))),
    );
    const reqSeconds = (performance.now() - t1) / 1000;
    const { FinalPaymentService } = await import('../backend/src/modules/contracts');
    const { SYSTEM_ACTOR } = await import('../backend/src/platform/access');
    for (const f of finals)
      await app
        .get(FinalPaymentService)
        .applyEvaluationResult(SYSTEM_ACTOR, f.contract_id, '90', `bench-${f.contract_id}`);

    // 2. the officer approves each
    const ids = (
      (await ds.query(
        `SELECT id FROM payment_requests WHERE milestone_id IN (${targets.map((x) => x.milestoneId).join(',')}) AND status = 'REQUESTED'`,
      )) as Array<{ id: number }>
    ).map((r) => r.id);
    const apprLat: number[] = [];
    const t2 = performance.now();
    await pooled(ids, (id) => timed(apprLat, () => payments.approve(officer, id)));
    const apprSeconds = (performance.now() - t2) / 1000;

    // 3. every payment executed twice at once, with the due job twice for it too
    const payLat: number[] = [];
    const t3 = performance.now();
    await pooled(ids, (id) =>
      Promise.all([
        timed(payLat, () => payments.pay(finance, id)),
        timed(payLat, () => payments.pay(finance, id)),
        timed([], () => jobs.handle(PAYMENT_DUE_JOB, { requestId: id })),
        timed([], () => jobs.handle(PAYMENT_DUE_JOB, { requestId: id })),
      ]),
    );
    const paySeconds = (performance.now() - t3) / 1000;

    const mids = targets.map((x) => x.milestoneId).join(',');
    const [{ requests }] = (await ds.query(
      `SELECT COUNT(*) AS requests FROM payment_requests WHERE milestone_id IN (${mids})`,
    )) as Array<{ requests: string }>;
    const [{ made }] = (await ds.query(
      `SELECT COUNT(*) AS made FROM ledger_entries e JOIN payment_requests r ON e.reference_type = 'payment_request' AND e.reference_id = r.id
        WHERE e.operation = 'DISBURSE' AND r.milestone_id IN (${mids})`,
    )) as Array<{ made: string }>;
    const [{ doublePaid }] = (await ds.query(
      `SELECT COUNT(*) AS doublePaid FROM (SELECT e.reference_id FROM ledger_entries e WHERE e.operation = 'DISBURSE' AND e.reference_type = 'payment_request'
        GROUP BY e.reference_id HAVING COUNT(*) > 1) x`,
    )) as Array<{ doublePaid: string }>;
    const [{ doubleRequested }] = (await ds.query(
      `SELECT COUNT(*) AS doubleRequested FROM (SELECT milestone_id FROM payment_requests WHERE milestone_id IN (${mids}) GROUP BY milestone_id HAVING COUNT(*) > 1) x`,
    )) as Array<{ doubleRequested: string }>;
    const [{ paidSum, expected }] = (await ds.query(
      `SELECT (SELECT COALESCE(SUM(paid_fen), 0) FROM budget_lines WHERE id IN (${lineIds.join(',')})) AS paidSum,
              (SELECT COALESCE(SUM(amount_fen), 0) FROM contract_milestones WHERE id IN (${mids})) AS expected`,
    )) as Array<{ paidSum: string; expected: string }>;
    const consistency = await ledgerConsistency(ds);
    const allLat = [...reqLat, ...apprLat, ...payLat];
    const report = {
      paymentRequests: Number(requests),
      paymentsMade: Number(made),
      doublePayments: Number(doublePaid) + Number(doubleRequested),
      paidOnLinesFen: String(paidSum),
      trancheSumFen: String(expected),
      ledgerConsistent: consistency.ok,
      requestsPerSec: Math.round((targets.length * 2) / reqSeconds),
      approvalsPerSec: Math.round(ids.length / apprSeconds),
      paymentsPerSec: Math.round((ids.length * 2) / paySeconds),
      p50Ms: Math.round(p(allLat, 0.5)),
      p99Ms: Math.round(p(allLat, 0.99)),
      p99PayMs: Math.round(p(payLat, 0.99)),
    };
    console.log(JSON.stringify(report, null, 2));
    console.log(
      `payments: ${report.paymentsMade}/${PAYMENTS} paid, ${report.doublePayments} double, ledger ${consistency.ok ? 'consistent' : 'INCONSISTENT'}; ` +
        `${report.requestsPerSec} requests/s, ${report.paymentsPerSec} pay calls/s, p99 ${report.p99Ms} ms`,
    );
    const ok =
      report.paymentRequests === PAYMENTS &&
      report.paymentsMade === PAYMENTS &&
      report.doublePayments === 0 &&
      consistency.ok &&
      report.paidOnLinesFen === report.trancheSumFen;
    if (!ok) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
