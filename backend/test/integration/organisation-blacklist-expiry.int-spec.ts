import { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';

import { blacklistExpiryDeadline, BlacklistExpiryJob } from '../../src/modules/organisations';
import { creditCodeCheckChar } from '../../src/modules/organisations/domain/credit-code';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { bearer, createTestApp, createTestWorker, regionId, TestApp } from '../support/test-app';

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

describe('blacklist expiry is a durable deadline (BullMQ + reconciler)', () => {
  let t: TestApp;
  let redis: Redis;
  let worker: INestApplicationContext | undefined;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
    redis = new Redis({ host: t.env.REDIS_HOST, port: t.env.REDIS_PORT, db: t.env.REDIS_DB });
    officer = await bearer(t, 'officer');
  });
  afterAll(async () => {
    await worker?.close();
    redis.disconnect();
    await t.close();
  });

  const row = async (id: number) =>
    (
      (await t.ds.query('SELECT status, blacklisted_until AS blacklistedUntil FROM organisations WHERE id = ?', [
        id,
      ])) as Array<{ status: string; blacklistedUntil: Date | null }>
    )[0];

  /** A registered, approved and then blacklisted organisation of Gulou (until the end of `until`). */
  async function blacklisted(tag: string, until: string): Promise<number> {
    const first17 = `52320106MJ${`${Date.now().toString(36)}${tag}`
      .toUpperCase()
      .replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')
      .slice(-7)}`;
    const username = `bl_${tag}_${Date.now().toString(36)}`;
    const res = await t
      .http()
      .post('/api/v1/organisations/register')
      .send({
        name: `黑名单测试机构${tag}`,
        kind: 'SOCIAL_ORGANISATION',
        orgType: 'SOCIAL_GROUP',
        creditCode: first17 + creditCodeCheckChar(first17),
        regionId: await regionId(t.ds, '320106000000'),
        legalRepresentative: '某人',
        contactPhone: '025-80000000',
        username,
        displayName: '某人',
        password: 'Blacklist@2026',
      });
    expect(res.status).toBe(201);
    const id = res.body.organisationId as number;
    await t.http().post(`/api/v1/organisations/${id}/approve`).set('Authorization', officer).send({}).expect(200);
    await t
      .http()
      .post(`/api/v1/organisations/${id}/blacklist`)
      .set('Authorization', officer)
      .send({ reason: '围标串标', until })
      .expect(200);
    return id;
  }

  const untilIn2Years = () => `${new Date().getUTCFullYear() + 2}-06-30`;

  it('schedules the expiry with a deterministic job id when an organisation is blacklisted', async () => {
    const until = untilIn2Years();
    const id = await blacklisted('a', until);
    const { blacklistedUntil } = await row(id);
    expect(blacklistedUntil?.toISOString()).toBe(`${until}T16:00:00.000Z`);
    const jobId = blacklistExpiryDeadline(id, blacklistedUntil as Date).jobId;
    expect(jobId).toBe(`organisation-blacklist-expiry__${id}__${Date.parse(`${until}T16:00:00.000Z`)}`);
    const job = await t.app.get(Deadlines).queue(QUEUES.ORGANISATIONS).getJob(jobId);
    expect(await job?.getState()).toBe('delayed');
    // run early, the handler changes nothing and says how long is left
    const early = await t.app
      .get(BlacklistExpiryJob)
      .handle({ organisationId: id, blacklistedUntil: (blacklistedUntil as Date).toISOString() });
    expect(early).toEqual({ result: 'NOT_DUE', dueInMs: expect.any(Number) });
    expect((await row(id)).status).toBe('BLACKLISTED');
  });

  it('restores ACTIVE when the date passes, in the worker, after Redis lost every job (the reconciler rebuilds it)', async () => {
    const id = await blacklisted('b', untilIn2Years());
    // bring the end of the blacklisting to 3 s from now, then lose every job of this run
    await t.ds.query('UPDATE organisations SET blacklisted_until = UTC_TIMESTAMP(3) + INTERVAL 3 SECOND WHERE id = ?', [
      id,
    ]);
    // (all of this run's keys — the same as a FLUSHALL for this deployment, without touching other runs sharing the Redis)
    const keys = await redis.keys(`${t.env.QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    expect(await t.app.get(Deadlines).queue(QUEUES.ORGANISATIONS).getJobCounts('delayed')).toEqual({ delayed: 0 });
    expect((await row(id)).status).toBe('BLACKLISTED');

    // the end as the database holds it, read before the worker starts (on a busy machine the worker can start after
    // the end has passed and restore ACTIVE before the test looks, clearing the column)
    const { blacklistedUntil } = await row(id);
    worker = await createTestWorker(); // the reconciler rebuilds the expiry job at start-up
    const rebuilt = await t.app
      .get(Deadlines)
      .queue(QUEUES.ORGANISATIONS)
      .getJob(blacklistExpiryDeadline(id, blacklistedUntil as Date).jobId);
    // rebuilt — or already run by the new worker (a completed job may be removed), which restored ACTIVE
    expect(rebuilt !== undefined || (await row(id)).status === 'ACTIVE').toBe(true);
    await waitFor(async () => (await row(id)).status === 'ACTIVE', 20_000);
    expect(await row(id)).toEqual({ status: 'ACTIVE', blacklistedUntil: null });

    // idempotent: running the handler again changes nothing
    expect(
      await t.app.get(BlacklistExpiryJob).handle({ organisationId: id, blacklistedUntil: new Date().toISOString() }),
    ).toEqual({ result: 'NOTHING_TO_DO' });
    const [{ n }] = await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'organisations.organisation.blacklist_expired' AND entity_id = ?",
      [String(id)],
    );
    expect(Number(n)).toBe(1);
    const [ev] = await t.ds.query(
      "SELECT actor_username FROM audit_events WHERE action = 'organisations.organisation.blacklist_expired' AND entity_id = ?",
      [String(id)],
    );
    expect(ev.actor_username).toBe('system');
    const kinds = (await t.ds.query(
      'SELECT kind FROM organisation_records WHERE organisation_id = ? ORDER BY id DESC',
      [id],
    )) as Array<{ kind: string }>;
    expect(kinds.map((k) => k.kind)).toEqual(['REINSTATEMENT', 'BLACKLIST', 'APPROVAL']);
    // and the rebuilt job of a blacklisting that has ended is not rebuilt again
    const report = await t.app.get(Deadlines).reconcile();
    expect(report.bySource['organisation-blacklist-expiry']?.checked ?? 0).toBe(
      (await t.ds.query("SELECT COUNT(*) AS n FROM organisations WHERE status = 'BLACKLISTED'"))[0].n * 1,
    );
  });
});
