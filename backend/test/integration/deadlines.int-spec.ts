import { INestApplicationContext } from '@nestjs/common';

import { ACCOUNT_UNLOCK_JOB, accountUnlockDeadline, AccountUnlockJob } from '../../src/modules/identity';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { createTestApp, createTestWorker, DEMO_PASSWORD, login, loseRedis, TestApp } from '../support/test-app';

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

describe('deadlines core: account unlock at lockout expiry', () => {
  let t: TestApp;
  let deadlines: Deadlines;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    deadlines = t.app.get(Deadlines);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  async function lockOut(username: string): Promise<{ id: number; lockedUntil: Date }> {
    const admin = await login(t, 'admin');
    const res = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .send({ username, displayName: username, password: DEMO_PASSWORD, roles: ['AUDITOR'], regionId: 1 });
    expect(res.status).toBe(201);
    for (let i = 0; i < t.env.LOCKOUT_THRESHOLD; i++) {
      await t.http().post('/api/v1/auth/login').send({ username, password: 'not-the-password' });
    }
    const [row] = await t.ds.query('SELECT id, locked_until FROM users WHERE username = ?', [username]);
    expect(row.locked_until).not.toBeNull();
    return { id: row.id as number, lockedUntil: row.locked_until as Date };
  }

  it('schedules one delayed job with a deterministic id when an account is locked', async () => {
    const { id, lockedUntil } = await lockOut('deadline1');
    const jobId = accountUnlockDeadline(id, lockedUntil).jobId;
    expect(jobId).toBe(`${ACCOUNT_UNLOCK_JOB}__${id}__${lockedUntil.getTime()}`);
    const job = await deadlines.queue(QUEUES.IDENTITY).getJob(jobId);
    expect(job).toBeDefined();
    expect(await job?.getState()).toBe('delayed');
    expect(job?.data).toEqual({ userId: id, lockedUntil: lockedUntil.toISOString() });
    // scheduling the same deadline again is a no-op
    await deadlines.schedule(accountUnlockDeadline(id, lockedUntil));
    expect(await deadlines.queue(QUEUES.IDENTITY).getDelayedCount()).toBeGreaterThanOrEqual(1);
    const ids = (await deadlines.queue(QUEUES.IDENTITY).getDelayed()).map((j) => j.id).filter((x) => x === jobId);
    expect(ids).toHaveLength(1);
  });

  it('restores the job from the database after Redis loses everything (FLUSHALL)', async () => {
    const { id, lockedUntil } = await lockOut('deadline2');
    const jobId = accountUnlockDeadline(id, lockedUntil).jobId;
    expect(await deadlines.queue(QUEUES.IDENTITY).getJob(jobId)).toBeDefined();

    await loseRedis(t); // every key of this deployment, as after a FLUSHALL
    expect(await deadlines.queue(QUEUES.IDENTITY).getJob(jobId)).toBeUndefined();

    const report = await deadlines.reconcile();
    expect(report.bySource[ACCOUNT_UNLOCK_JOB].restored).toBeGreaterThanOrEqual(1);
    const restored = await deadlines.queue(QUEUES.IDENTITY).getJob(jobId);
    expect(await restored?.getState()).toBe('delayed');
    const delay = restored?.opts.delay ?? 0;
    expect(delay).toBeGreaterThan(14 * 60_000);
    expect(delay).toBeLessThanOrEqual(15 * 60_000);

    // a second pass finds nothing missing
    const again = await deadlines.reconcile();
    expect(again.bySource[ACCOUNT_UNLOCK_JOB].restored).toBe(0);
  });

  it('the handler is idempotent and decides with the database clock', async () => {
    const { id } = await lockOut('deadline3');
    const job = t.app.get(AccountUnlockJob);
    const [row] = await t.ds.query('SELECT locked_until FROM users WHERE id = ?', [id]);
    const payload = { userId: id, lockedUntil: (row.locked_until as Date).toISOString() };
    const early = await job.handle(payload);
    expect(early.result).toBe('NOT_DUE');
    await t.ds.query('UPDATE users SET locked_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [id]);
    expect(await job.handle(payload)).toEqual({ result: 'UNLOCKED' });
    expect(await job.handle(payload)).toEqual({ result: 'NOTHING_TO_DO' });
    const [{ n }] = await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'identity.account.unlocked' AND entity_id = ?",
      [String(id)],
    );
    expect(Number(n)).toBe(1);
  });

  it('the worker process unlocks the account when the lock expires, even after a Redis wipe', async () => {
    const { id } = await lockOut('deadline4');
    // bring the expiry close, as if 15 minutes had nearly passed, then lose Redis
    await t.ds.query('UPDATE users SET locked_until = UTC_TIMESTAMP(3) + INTERVAL 2 SECOND WHERE id = ?', [id]);
    await loseRedis(t); // every key of this deployment, as after a FLUSHALL
    worker = await createTestWorker(); // reconciles at start-up, then consumes
    await waitFor(async () => {
      const [row] = await t.ds.query('SELECT locked_until FROM users WHERE id = ?', [id]);
      return row.locked_until === null;
    }, 15_000);
    const res = await t.http().post('/api/v1/auth/login').send({ username: 'deadline4', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
  });
});
