import { INestApplicationContext } from '@nestjs/common';
import { Job, Queue } from 'bullmq';

import { ACCOUNT_UNLOCK_JOB } from '../../src/modules/identity';
import { IdentityProcessor } from '../../src/modules/identity/jobs/identity.processor';
import { CAMPAIGN_OPEN_JOB, campaignDeadline } from '../../src/modules/needs';
import { NeedsProcessor } from '../../src/modules/needs/jobs/needs.processor';
import { BLACKLIST_EXPIRY_JOB } from '../../src/modules/organisations';
import { OrganisationsProcessor } from '../../src/modules/organisations/jobs/organisations.processor';
import { TENDER_DEADLINE_JOB } from '../../src/modules/procurement';
import { ProcurementProcessor } from '../../src/modules/procurement/jobs/procurement.processor';
import { DEADLINE_WORKER_OPTIONS, Deadlines, QUEUES } from '../../src/platform/queue';
import { publishedVersionId } from '../factories/needs.factory';
import { bidBody, makeBidders, publishedTender, sleep } from '../factories/procurement.factory';
import { bearer, createTestApp, createTestWorker, regionId, TestApp } from '../support/test-app';

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(50);
  }
}

/**
 * A deadline job only triggers: the handler asks the database clock whether the time has come. These tests deliver
 * jobs early on purpose — a duplicate under another id, the real id with a wrong (zero) delay — to the real worker
 * module and check that nothing changes before the time, and that the real job, scheduled by the application,
 * is delivered once, at its time and not before.
 */
describe('deadline jobs never act early, and the worker acts at the time', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let deadlines: Deadlines;

  beforeAll(async () => {
    t = await createTestApp();
    deadlines = t.app.get(Deadlines);
    worker = await createTestWorker(); // the real WorkerModule: consumers and reconciler
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const auditCount = async (action: string, entityType: string, id: number) =>
    Number(
      (
        await t.ds.query(
          'SELECT COUNT(*) AS n FROM audit_events WHERE action = ? AND entity_type = ? AND entity_id = ?',
          [action, entityType, String(id)],
        )
      )[0].n,
    );

  async function campaignOpeningIn(ms: number, title: string): Promise<{ id: number; opensAt: Date; closesAt: Date }> {
    const res = await t
      .http()
      .post('/api/v1/campaigns')
      .set('Authorization', await bearer(t, 'worker'))
      .send({
        regionId: await regionId(t.ds, '320106002001'),
        title,
        description: 'x',
        opensAt: new Date(Date.now() + ms).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        supportsPerResident: 3,
        minSupportsToShortlist: 1,
        catalogueVersionId: await publishedVersionId(t.ds),
      });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('DRAFT');
    const [c] = await t.ds.query('SELECT id, opens_at AS opensAt, closes_at AS closesAt FROM campaigns WHERE id = ?', [
      res.body.id,
    ]);
    return c;
  }

  /** Waits until BullMQ has delivered the job once and it went back to waiting (the handler said NOT_DUE). */
  async function deliveredAndPutBack(q: Queue, jobId: string): Promise<Job> {
    return until(`job ${jobId} delivered and put back`, 10_000, async () => {
      const j = await q.getJob(jobId);
      return j && j.attemptsStarted >= 1 && (await j.getState()) === 'delayed' ? j : undefined;
    });
  }

  it('every worker takes over a crashed worker’s job within seconds (10 s lock, stalled check every 5 s)', () => {
    for (const p of [IdentityProcessor, NeedsProcessor, OrganisationsProcessor, ProcurementProcessor]) {
      const opts = worker.get(p, { strict: false }).worker.opts;
      expect({ processor: p.name, lockDuration: opts.lockDuration, stalledInterval: opts.stalledInterval }).toEqual({
        processor: p.name,
        lockDuration: DEADLINE_WORKER_OPTIONS.lockDuration,
        stalledInterval: DEADLINE_WORKER_OPTIONS.stalledInterval,
      });
    }
  });

  it('a job delivered before its time changes nothing, for every kind of deadline', async () => {
    // Four pending deadlines (a minute to years ahead), their real jobs scheduled by the application.
    const c = await campaignOpeningIn(60_000, '提前投递的开放');
    const tender = await publishedTender(t, '提前投递的截止');
    const [org] = await makeBidders(t, 1, 'early');
    await t
      .http()
      .post(`/api/v1/organisations/${org.organisationId}/blacklist`)
      .set('Authorization', await bearer(t, 'officer'))
      .send({ reason: '围标串标', until: `${new Date().getUTCFullYear() + 2}-06-30` })
      .expect(200);
    const locked = (await t.ds.query(
      `INSERT INTO users (username, display_name, password_hash, status, failed_login_count, locked_until, created_at, updated_at)
       VALUES ('early_locked', 'early_locked', 'x', 'ACTIVE', 5, UTC_TIMESTAMP(3) + INTERVAL 1 HOUR, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    )) as { insertId: number };

    // Deliver a copy of each job now, under another id (a duplicate, or a job from a wrong clock or delay).
    const early: Array<[string, string, Record<string, unknown>]> = [
      [QUEUES.NEEDS, CAMPAIGN_OPEN_JOB, { campaignId: c.id }],
      [QUEUES.PROCUREMENT, TENDER_DEADLINE_JOB, { tenderId: tender }],
      [
        QUEUES.ORGANISATIONS,
        BLACKLIST_EXPIRY_JOB,
        { organisationId: org.organisationId, blacklistedUntil: new Date().toISOString() },
      ],
      [QUEUES.IDENTITY, ACCOUNT_UNLOCK_JOB, { userId: locked.insertId, lockedUntil: new Date().toISOString() }],
    ];
    const copies: Array<[string, string]> = [];
    for (const [queue, name, payload] of early) {
      const jobId = `early__${name}__${Date.now()}`;
      await deadlines.queue(queue).add(name, payload, { jobId, delay: 0 });
      copies.push([queue, jobId]);
    }
    for (const [queue, jobId] of copies) await deliveredAndPutBack(deadlines.queue(queue), jobId);

    // Nothing moved, nothing was written.
    expect((await t.ds.query('SELECT status FROM campaigns WHERE id = ?', [c.id]))[0].status).toBe('DRAFT');
    expect((await t.ds.query('SELECT status FROM tenders WHERE id = ?', [tender]))[0].status).toBe('PUBLISHED');
    expect((await t.ds.query('SELECT status FROM organisations WHERE id = ?', [org.organisationId]))[0].status).toBe(
      'BLACKLISTED',
    );
    expect(
      (await t.ds.query('SELECT locked_until FROM users WHERE id = ?', [locked.insertId]))[0].locked_until,
    ).not.toBe(null);
    expect(await auditCount('needs.campaign.open', 'campaign', c.id)).toBe(0);
    expect(await auditCount('procurement.tender.closed', 'tender', tender)).toBe(0);
    expect(
      await auditCount('organisations.organisation.blacklist_expired', 'organisation', org.organisationId as number),
    ).toBe(0);
    expect(await auditCount('identity.account.unlocked', 'user', locked.insertId)).toBe(0);
    // and bids are still taken (the early job did not close the tender)
    const bid = await t
      .http()
      .put(`/api/v1/tenders/${tender}/my-bid`)
      .set('Authorization', await bearer(t, 'orgmember'))
      .send(bidBody('9000.00'));
    expect(bid.status).toBe(200);
  });

  it('the real job with a wrong (zero) delay is put back and acts only at the time', async () => {
    const c = await campaignOpeningIn(3_000, '错误延迟的开放');
    const q = deadlines.queue(QUEUES.NEEDS);
    const { jobId } = campaignDeadline(CAMPAIGN_OPEN_JOB, c);
    // Replace the application's job by the same id with no delay, as a scheduling bug or a wrong clock would.
    await (await q.getJob(jobId))?.remove();
    await q.add(CAMPAIGN_OPEN_JOB, { campaignId: c.id }, { jobId, delay: 0 });
    await deliveredAndPutBack(q, jobId);
    expect((await t.ds.query('SELECT status FROM campaigns WHERE id = ?', [c.id]))[0].status).toBe('DRAFT');

    const done = await until('the campaign opens', 15_000, async () => {
      const j = await q.getJob(jobId);
      return (await j?.getState()) === 'completed' ? j : undefined;
    });
    expect(done?.returnvalue).toBe('OPENED');
    const [ev] = await t.ds.query(
      "SELECT occurred_at FROM audit_events WHERE action = 'needs.campaign.open' AND entity_type = 'campaign' AND entity_id = ?",
      [String(c.id)],
    );
    expect((ev.occurred_at as Date).getTime()).toBeGreaterThanOrEqual(c.opensAt.getTime());
  });

  it('the worker itself opens a campaign at its opening time: delivered once, not before, within 2 s', async () => {
    const c = await campaignOpeningIn(3_000, '准时开放');
    const q = deadlines.queue(QUEUES.NEEDS);
    const { jobId } = campaignDeadline(CAMPAIGN_OPEN_JOB, c);
    expect(await (await q.getJob(jobId))?.getState()).toBe('delayed');
    expect((await t.ds.query('SELECT status FROM campaigns WHERE id = ?', [c.id]))[0].status).toBe('DRAFT');

    const done = await until('the campaign opens', 15_000, async () => {
      const j = await q.getJob(jobId);
      return (await j?.getState()) === 'completed' ? j : undefined;
    });
    expect(done.returnvalue).toBe('OPENED');
    // Delivered exactly once, and not before the opening (else the handler would have put it back: 2 deliveries).
    expect(done.attemptsStarted).toBe(1);
    expect(done.processedOn as number).toBeGreaterThanOrEqual(c.opensAt.getTime());
    const [row] = await t.ds.query(
      "SELECT c.status, e.occurred_at FROM campaigns c JOIN audit_events e ON e.entity_type = 'campaign' AND e.entity_id = CAST(c.id AS CHAR) AND e.action = 'needs.campaign.open' WHERE c.id = ?",
      [c.id],
    );
    expect(row.status).toBe('OPEN');
    const lateMs = (row.occurred_at as Date).getTime() - c.opensAt.getTime();
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(lateMs).toBeLessThan(2000);
    expect(await auditCount('needs.campaign.open', 'campaign', c.id)).toBe(1);
  });
});
