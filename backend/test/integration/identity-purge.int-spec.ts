import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';

import { IdentityPurgeJob, PURGE_JOB, purgeDeadline } from '../../src/modules/identity';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { count, createTestApp, createTestWorker, loseRedis, TestApp, userId } from '../support/test-app';

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

describe('identity purge: ended sessions, expired refresh tokens and idempotency keys (repeatable job)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  const BATCH = 7;

  beforeAll(async () => {
    t = await createTestApp({ PURGE_BATCH_SIZE: BATCH, PURGE_RETENTION_DAYS: 7, PURGE_INTERVAL_MINUTES: 60 });
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const tag = `purge-${Date.now().toString(36)}`;

  /** Sessions of `expert` (ages in days before the database's now; negative = in the future), with tokens. */
  async function session(expiresDays: number, revokedDays: number | null, tokens: number[] = []): Promise<string> {
    const id = randomUUID();
    await t.ds.query(
      `INSERT INTO sessions (id, user_id, created_at, expires_at, revoked_at, revoked_reason, ip)
       VALUES (?, ?, UTC_TIMESTAMP(3) - INTERVAL 40 DAY, UTC_TIMESTAMP(3) - INTERVAL ? DAY,
               IF(? IS NULL, NULL, UTC_TIMESTAMP(3) - INTERVAL ? DAY), IF(? IS NULL, NULL, 'LOGOUT'), ?)`,
      [id, await userId(t.ds, 'expert'), expiresDays, revokedDays, revokedDays ?? 0, revokedDays, tag],
    );
    for (const [i, days] of tokens.entries())
      await t.ds.query(
        `INSERT INTO refresh_tokens (session_id, token_hash, created_at, expires_at, used_at)
         VALUES (?, SHA2(CONCAT(?, ?), 256), UTC_TIMESTAMP(3) - INTERVAL 40 DAY, UTC_TIMESTAMP(3) - INTERVAL ? DAY,
                 UTC_TIMESTAMP(3) - INTERVAL 39 DAY)`,
        [id, id, i, days],
      );
    return id;
  }

  async function idempotencyKey(expiresDays: number): Promise<void> {
    await t.ds.query(
      `INSERT INTO idempotency_keys (owner, idem_key, request_hash, state, created_at, expires_at)
       VALUES (?, ?, REPEAT('0', 64), 'DONE', UTC_TIMESTAMP(3) - INTERVAL 3 DAY, UTC_TIMESTAMP(3) - INTERVAL ? DAY)`,
      [tag, randomUUID(), expiresDays],
    );
  }

  const ours = async (table: 'sessions' | 'idempotency_keys') =>
    Number(
      (
        await t.ds.query(
          table === 'sessions'
            ? 'SELECT COUNT(*) AS n FROM sessions WHERE ip = ?'
            : 'SELECT COUNT(*) AS n FROM idempotency_keys WHERE owner = ?',
          [tag],
        )
      )[0].n,
    );
  const tokensOf = async (sessionId: string) =>
    Number((await t.ds.query('SELECT COUNT(*) AS n FROM refresh_tokens WHERE session_id = ?', [sessionId]))[0].n);

  it('deletes what ended before the retention period, in batches, keeps the rest, and a second run deletes nothing', async () => {
    // 3 batches' worth of long-expired sessions (with tokens) and of long-revoked ones
    const expired: string[] = [];
    for (let i = 0; i < 2 * BATCH; i++) expired.push(await session(10, null, [12, 11]));
    const revoked: string[] = [];
    for (let i = 0; i < BATCH + 2; i++) revoked.push(await session(-20, 9, [30]));
    // kept: a live session with an old (spent) token and a recent one; a session revoked yesterday; one that
    // expired 2 days ago (within the retention: auditors may still match it to audit events)
    const live = await session(-20, null, [10, 1, -5]);
    const revokedYesterday = await session(-20, 1, [-3]);
    const recentlyExpired = await session(2, null, [3]);
    for (let i = 0; i < BATCH + 3; i++) await idempotencyKey(1);
    await idempotencyKey(-1); // not expired yet

    const tokensBefore = await count(t.ds, 'refresh_tokens');
    const auditBefore = await count(t.ds, 'audit_events');
    const job = t.app.get(IdentityPurgeJob);
    const run = await job.handle({ slot: new Date(Date.now() - 1000).toISOString() });
    expect(run.result).toBe('PURGED');
    if (run.result !== 'PURGED') return;
    expect(run.deleted.sessions).toBeGreaterThanOrEqual(3 * BATCH + 2);
    expect(run.deleted.idempotencyKeys).toBeGreaterThanOrEqual(BATCH + 3);
    // each statement handles at most one batch: several batches per table
    expect(run.batches).toBeGreaterThanOrEqual(3 + 2 + 4);

    for (const id of [...expired, ...revoked]) {
      expect((await t.ds.query('SELECT id FROM sessions WHERE id = ?', [id])).length).toBe(0);
      expect(await tokensOf(id)).toBe(0);
    }
    expect(await ours('sessions')).toBe(3);
    expect(await tokensOf(live)).toBe(2); // the token that expired 10 days ago is gone, the others stay
    expect(await tokensOf(revokedYesterday)).toBe(1);
    expect(await tokensOf(recentlyExpired)).toBe(1);
    expect(await ours('idempotency_keys')).toBe(1);
    expect(tokensBefore - (await count(t.ds, 'refresh_tokens'))).toBe(run.deleted.refreshTokens);

    // one audit event for the run, by the system, with the counts
    const events: Array<{ action: string; actor_username: string; after_json: string }> = await t.ds.query(
      'SELECT action, actor_username, after_json FROM audit_events WHERE seq > ? ORDER BY seq',
      [auditBefore],
    );
    expect(events.map((e) => [e.action, e.actor_username])).toEqual([['identity.purge.completed', 'system']]);
    expect(JSON.parse(events[0].after_json)).toMatchObject(run.deleted);

    // idempotent: again, nothing to delete and no event
    const again = await job.handle({ slot: new Date(Date.now() - 1000).toISOString() });
    expect(again).toMatchObject({ result: 'PURGED', deleted: { sessions: 0, refreshTokens: 0, idempotencyKeys: 0 } });
    expect(await count(t.ds, 'audit_events')).toBe(auditBefore + 1);
  });

  it('does nothing before its slot (a job fired early waits)', async () => {
    await session(10, null, [12]);
    const early = await t.app.get(IdentityPurgeJob).handle({ slot: new Date(Date.now() + 60_000).toISOString() });
    expect(early.result).toBe('NOT_DUE');
    expect(await ours('sessions')).toBe(4);
  });

  it('is always scheduled for its next slot, with a deterministic id, and the reconciler rebuilds it after Redis lost it', async () => {
    const deadlines = t.app.get(Deadlines);
    await loseRedis(t);
    const report = await deadlines.reconcile();
    expect(report.bySource[PURGE_JOB]).toEqual({ checked: 1, restored: 1 });
    const [{ now }] = await t.ds.query('SELECT UTC_TIMESTAMP(3) AS now');
    const slot = new Date(Math.floor((now as Date).getTime() / 3_600_000 + 1) * 3_600_000);
    const job = await deadlines.queue(QUEUES.IDENTITY).getJob(purgeDeadline(slot).jobId);
    expect(await job?.getState()).toBe('delayed');
    expect(job?.name).toBe(PURGE_JOB);
    // reconciling again adds nothing: one job per slot
    expect((await deadlines.reconcile()).bySource[PURGE_JOB]).toEqual({ checked: 1, restored: 0 });
  });

  it('runs in the worker process', async () => {
    worker = await createTestWorker();
    const deadlines = t.app.get(Deadlines);
    // a slot that has come (as after a night with the worker down): the worker purges at once
    await deadlines.schedule(purgeDeadline(new Date(Date.now() - 5_000)));
    await waitFor(async () => (await ours('sessions')) === 3, 15_000);
  });
});
