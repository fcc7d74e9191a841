import { Queue } from 'bullmq';
import { Connection, createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { openDataSource } from '../../src/cli/db';
import { Env, loadEnv } from '../../src/config/env';
import { accountUnlockDeadline } from '../../src/modules/identity';
import { TENDER_DEADLINE_JOB } from '../../src/modules/procurement';
import { tenderJob } from '../../src/modules/procurement/services/procurement-deadlines';
import { QUEUES, redisConnection } from '../../src/platform/queue';
import { bidBody, deadlineIn, publishedTender, sleep } from '../factories/procurement.factory';
import { isAlive, pollHealth, startSupervisor, Supervised, waitForHealth, workerReady } from '../support/supervised';
import { adminConnection, bearer, TestApp } from '../support/test-app';

const PORT = 3310;

async function waitFor<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(100);
  }
}

/**
 * `npm start` runs the API and the worker under one supervisor (backend/src/cli/supervise.ts). These tests start
 * that supervisor on the run's schema and their own port, kill its processes with SIGKILL, and watch from outside:
 * the other process keeps serving, the killed one comes back with a new pid and does its work, and a job cut off
 * in the middle is completed exactly once.
 */
describe('supervisor: the API and the worker are restarted when they crash', () => {
  let sup: Supervised;
  let env: Env;
  let ds: DataSource;
  let t: TestApp; // the supervised API over HTTP, for the factories
  let admin: Connection; // sees every session's transactions (PROCESS): the runtime account sees only its own
  const queues: Queue[] = [];
  const queue = (name: string) => {
    const q = new Queue(name, { connection: redisConnection(env), prefix: env.QUEUE_PREFIX });
    queues.push(q);
    return q;
  };

  beforeAll(async () => {
    env = loadEnv();
    ds = await openDataSource(env);
    admin = await adminConnection(env);
    sup = await startSupervisor(PORT);
    t = { http: () => request(sup.baseUrl), ds, env } as unknown as TestApp;
  }, 120_000);
  afterAll(async () => {
    await sup?.stop();
    await Promise.all(queues.map((q) => q.close()));
    await ds?.destroy();
    await admin?.end();
  });

  it('kill -9 of the worker: the API answers throughout, and the worker comes back and processes jobs', async () => {
    const apiPid = sup.pidOf('api');
    const workerPid = sup.pidOf('worker');
    const health = pollHealth(sup.baseUrl);
    let statuses: number[];
    try {
      process.kill(workerPid, 'SIGKILL');
      const exit = await sup.waitForLine(
        (l) => l.name === 'supervisor' && l.msg === 'worker exited; restarting' && l.pid === workerPid,
        10_000,
        'worker exit logged',
      );
      expect(exit).toEqual(expect.objectContaining({ process: 'worker', code: null, signal: 'SIGKILL' }));
      expect(exit.restartInMs).toBe(1000); // first crash: the initial back-off
      const restarted = await sup.waitForLine(
        (l) => l.name === 'supervisor' && l.msg === 'worker restarted' && l.previousPid === workerPid,
        10_000,
        'worker restart logged',
      );
      const newPid = restarted.pid as number;
      expect(newPid).not.toBe(workerPid);
      expect(isAlive(workerPid)).toBe(false);
      await workerReady(sup, newPid);

      // The new worker processes a job: an account locked until a moment from now is unlocked by it.
      const user = (await ds.query(
        `INSERT INTO users (username, display_name, password_hash, status, failed_login_count, locked_until, created_at, updated_at)
         VALUES ('sup_locked', 'sup_locked', 'x', 'ACTIVE', 5, UTC_TIMESTAMP(3) + INTERVAL 300000 MICROSECOND, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      )) as { insertId: number };
      const [{ locked_until: lockedUntil }] = await ds.query('SELECT locked_until FROM users WHERE id = ?', [
        user.insertId,
      ]);
      const job = accountUnlockDeadline(user.insertId, lockedUntil as Date);
      await queue(QUEUES.IDENTITY).add(job.name, job.payload, { jobId: job.jobId, delay: 300 });
      await waitFor('the restarted worker unlocks the account', 15_000, async () => {
        const [row] = await ds.query('SELECT locked_until FROM users WHERE id = ?', [user.insertId]);
        return row.locked_until === null ? true : undefined;
      });
    } finally {
      statuses = await health.stop();
    }
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s !== 200)).toEqual([]); // the API never stopped answering
    expect(sup.pidOf('api')).toBe(apiPid);
    expect(isAlive(apiPid)).toBe(true);
  }, 90_000);

  it('kill -9 of the API: restarted and answering again, the worker untouched', async () => {
    const apiPid = sup.pidOf('api');
    const workerPid = sup.pidOf('worker');
    process.kill(apiPid, 'SIGKILL');
    const exit = await sup.waitForLine(
      (l) => l.name === 'supervisor' && l.msg === 'api exited; restarting' && l.pid === apiPid,
      10_000,
      'api exit logged',
    );
    expect(exit).toEqual(expect.objectContaining({ process: 'api', code: null, signal: 'SIGKILL' }));
    expect(exit.restartInMs).toBeGreaterThanOrEqual(1000);
    const restarted = await sup.waitForLine(
      (l) => l.name === 'supervisor' && l.msg === 'api restarted' && l.previousPid === apiPid,
      (exit.restartInMs as number) + 10_000,
      'api restart logged',
    );
    expect(restarted.pid).not.toBe(apiPid);
    await waitForHealth(sup.baseUrl, 60_000);
    const ready = await fetch(`${sup.baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    // and it serves real requests (a sign-in reads and writes the database)
    expect((await bearer(t, 'auditor')).startsWith('Bearer ')).toBe(true);
    expect(sup.pidOf('worker')).toBe(workerPid);
    expect(isAlive(workerPid)).toBe(true);
  }, 90_000);

  it('fault: kill -9 of the worker in the middle of opening the bids — restarted, the opening completes exactly once', async () => {
    const id = await publishedTender(t, '开标中崩溃');
    for (const user of ['orgmember', 'orgmember2', 'orgmember3']) {
      const res = await t
        .http()
        .put(`/api/v1/tenders/${id}/my-bid`)
        .set('Authorization', await bearer(t, user))
        .send(bidBody('9000.00'));
      expect(res.status).toBe(200);
    }

    // The test holds the bids' rows: the opening (after the close) stops on them, provably in the middle of the job.
    const holder: Connection = await createConnection({
      host: env.DB_HOST,
      port: env.DB_PORT,
      user: env.DB_USER,
      password: env.DB_PASSWORD,
      database: env.DB_NAME,
    });
    let released = false;
    try {
      await holder.query('START TRANSACTION');
      await holder.query('SELECT id FROM bids WHERE tender_id = ? FOR UPDATE', [id]);
      await deadlineIn(t, id, 0.5);
      const [{ bid_deadline: deadline }] = await ds.query('SELECT bid_deadline FROM tenders WHERE id = ?', [id]);
      const job = tenderJob(TENDER_DEADLINE_JOB, id, deadline as Date);
      await queue(QUEUES.PROCUREMENT).add(job.name, job.payload, { jobId: job.jobId, delay: 500 });

      const workerPid = sup.pidOf('worker');
      await waitFor('the worker waits on the held bids, mid-opening', 20_000, async () => {
        const [rows] = await admin.query(
          `SELECT p.ID FROM information_schema.INNODB_TRX x JOIN information_schema.PROCESSLIST p ON p.ID = x.trx_mysql_thread_id
            WHERE p.DB = ? AND x.trx_state = 'LOCK WAIT' AND x.trx_query LIKE 'UPDATE bids SET status%'`,
          [env.DB_NAME],
        );
        return (rows as unknown[]).length === 1 ? true : undefined;
      });
      const [mid] = await ds.query('SELECT status FROM tenders WHERE id = ?', [id]);
      expect(mid.status).toBe('CLOSED'); // the close committed; the opening is in progress
      expect(await (await queue(QUEUES.PROCUREMENT).getJob(job.jobId))?.getState()).toBe('active');

      process.kill(workerPid, 'SIGKILL');
      const restarted = await sup.waitForLine(
        (l) => l.name === 'supervisor' && l.msg === 'worker restarted' && l.previousPid === workerPid,
        40_000,
        'worker restart logged',
      );
      // The killed worker's transaction dies with its connection (rolled back by the server once the lock is free).
      await holder.query('ROLLBACK');
      released = true;
      await workerReady(sup, restarted.pid as number);
      const ready = Date.now();

      // Taken over within seconds: the dead worker's lock on the job lapses after 10 s and every worker looks for
      // such jobs every 5 s (platform/queue/deadline-worker.ts; BullMQ's defaults would take 30–60 s).
      await waitFor('the restarted worker completes the opening', 20_000, async () => {
        const [row] = await ds.query('SELECT status FROM tenders WHERE id = ?', [id]);
        return row.status === 'OPENED' ? true : undefined;
      });
      expect(Date.now() - ready).toBeLessThan(20_000);
      const done = await waitFor('the job is completed', 10_000, async () => {
        const j = await queue(QUEUES.PROCUREMENT).getJob(job.jobId);
        return (await j?.getState()) === 'completed' ? j : undefined;
      });
      expect(done.returnvalue).toBe('OPENED');
      expect(done.stalledCounter).toBe(1); // taken over once from the dead worker
    } finally {
      if (!released) await holder.query('ROLLBACK');
      await holder.end();
    }

    // Exactly once: one close, one opening, each bid opened once, the sealed journal copied into the chain once.
    const actions = await ds.query(
      "SELECT action, COUNT(*) AS n FROM audit_events WHERE entity_type = 'tender' AND entity_id = ? GROUP BY action",
      [String(id)],
    );
    const count = (a: string) => Number(actions.find((r: { action: string }) => r.action === a)?.n ?? 0);
    expect(count('procurement.tender.closed')).toBe(1);
    expect(count('procurement.tender.opened')).toBe(1);
    const bids = await ds.query('SELECT status, COUNT(*) AS n FROM bids WHERE tender_id = ? GROUP BY status', [id]);
    expect(bids.map((b: { status: string; n: string }) => [b.status, Number(b.n)])).toEqual([['OPENED', 3]]);
    const [unsealed] = await ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'procurement.bid.submitted' AND JSON_VALUE(after_json, '$.tenderId') = ?",
      [id],
    );
    expect(Number(unsealed.n)).toBe(3);
  }, 150_000);

  it('stops both processes gracefully on SIGTERM and exits when both have stopped', async () => {
    const pids = [sup.pidOf('api'), sup.pidOf('worker')];
    const { code } = await sup.stop();
    expect(code).toBe(0);
    for (const name of ['api', 'worker'])
      expect(sup.lines).toContainEqual(
        expect.objectContaining({ name: 'supervisor', process: name, msg: `${name} stopped`, signal: 'SIGTERM' }),
      );
    expect(sup.lines).toContainEqual(expect.objectContaining({ name: 'supervisor', msg: 'all processes stopped' }));
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
  }, 60_000);
});
