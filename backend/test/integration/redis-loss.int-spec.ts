import { Test, TestingModule } from '@nestjs/testing';
import { Redis } from 'ioredis';

import { Env, loadEnv } from '../../src/config/env';
import { DELIVERY_JOB } from '../../src/modules/notifications/jobs/delivery-deadline';
import { TENDER_DEADLINE_JOB } from '../../src/modules/procurement';
import { tenderJob } from '../../src/modules/procurement/services/procurement-deadlines';
import {
  Deadlines,
  QUEUES,
  reconcilerConnectionName,
  reconcilerMarkerKey,
  ReconcilerRunner,
} from '../../src/platform/queue';
import { WorkerModule } from '../../src/worker.module';
import { publishedVersionId } from '../factories/needs.factory';
import { bidBody, makeBidders, publishedTender, sleep } from '../factories/procurement.factory';
import { bearer, createTestApp, loseRedis, regionId, TestApp } from '../support/test-app';

/** The transitions a deadline causes, by the audit event its handler writes (with the database clock). */
interface Deadline {
  kind: string;
  action: string;
  entityType: string;
  entityId: number;
  due: Date;
}

/**
 * Redis keeps nothing on disk here: a FLUSHALL or a restart loses every delayed job. The worker notices on its own
 * — the reconciler's marker key is gone (checked every second), or its connection came back — and rebuilds every
 * deadline from the database at once, instead of at the next periodic pass (a minute later).
 */
describe('Redis loses its data: the worker notices at once and every deadline fires on time', () => {
  let t: TestApp;
  let worker: TestingModule;
  let runner: ReconcilerRunner;
  let redis: Redis;
  let officer: string;
  let workerOfficer: string;

  beforeAll(async () => {
    t = await createTestApp();
    // The real worker module; its periodic pass is pushed out of the way so that only the loss detection can help.
    const env = Object.assign(Object.create(Env.prototype) as Env, loadEnv(), { RECONCILE_INTERVAL_SECONDS: 3600 });
    worker = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(Env)
      .useValue(env)
      .compile();
    worker.useLogger(['error']);
    await worker.init();
    runner = worker.get(ReconcilerRunner);
    redis = new Redis({ host: t.env.REDIS_HOST, port: t.env.REDIS_PORT, db: t.env.REDIS_DB });
    officer = await bearer(t, 'officer');
    workerOfficer = await bearer(t, 'worker');
  });
  afterAll(async () => {
    await worker?.close();
    redis?.disconnect();
    await t.close();
  });

  async function campaign(opensInMs: number, closesInMs: number): Promise<number> {
    const res = await t
      .http()
      .post('/api/v1/campaigns')
      .set('Authorization', workerOfficer)
      .send({
        regionId: await regionId(t.ds, '320106002001'),
        title: `Redis 丢失 ${opensInMs}`,
        description: 'x',
        opensAt: new Date(Date.now() + opensInMs).toISOString(),
        closesAt: new Date(Date.now() + closesInMs).toISOString(),
        supportsPerResident: 3,
        minSupportsToShortlist: 1,
        catalogueVersionId: await publishedVersionId(t.ds),
      });
    expect(res.status).toBe(201);
    return res.body.id as number;
  }

  /** Waits until the deadline's audit event exists and returns when it happened (database clock). */
  async function firedAt(d: Deadline, ms: number): Promise<Date> {
    const until = Date.now() + ms;
    for (;;) {
      const rows = (await t.ds.query(
        'SELECT occurred_at FROM audit_events WHERE action = ? AND entity_type = ? AND entity_id = ? ORDER BY seq',
        [d.action, d.entityType, String(d.entityId)],
      )) as Array<{ occurred_at: Date }>;
      if (rows.length > 0) {
        expect(rows).toHaveLength(1);
        return rows[0].occurred_at;
      }
      if (Date.now() > until) throw new Error(`${d.kind} did not fire within ${ms} ms`);
      await sleep(50);
    }
  }

  it('fault: after a FLUSHALL every pending deadline fires within 5 s of its time, and never before', async () => {
    // Five kinds of pending deadline, each with its job in Redis for a date far ahead.
    const draft = await campaign(3_600_000, 7_200_000);
    const open = await campaign(-60_000, 3_600_000);
    const tender = await publishedTender(t, 'Redis 丢失');
    for (const u of ['orgmember', 'orgmember2', 'orgmember3'])
      await t
        .http()
        .put(`/api/v1/tenders/${tender}/my-bid`)
        .set('Authorization', await bearer(t, u))
        .send(bidBody('9000.00'))
        .expect(200);
    const [org] = await makeBidders(t, 1, 'redisloss');
    await t
      .http()
      .post(`/api/v1/organisations/${org.organisationId}/blacklist`)
      .set('Authorization', officer)
      .send({ reason: '围标串标', until: `${new Date().getUTCFullYear() + 2}-06-30` })
      .expect(200);
    const locked = (await t.ds.query(
      `INSERT INTO users (username, display_name, password_hash, status, failed_login_count, locked_until, created_at, updated_at)
       VALUES ('redis_loss_locked', 'redis_loss_locked', 'x', 'ACTIVE', 5, UTC_TIMESTAMP(3) + INTERVAL 15 MINUTE, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
    )) as { insertId: number };

    // Now their times come close (as if the weeks had passed), and Redis loses every job of this deployment.
    // Nobody calls the reconciler: the worker has to notice by itself.
    const at = (ms: number) => ['UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND', ms * 1000] as const;
    const set = async (sql: string, ms: number, id: number) => {
      const [expr, us] = at(ms);
      await t.ds.query(sql.replace('$AT', expr), [us, id]);
    };
    await set('UPDATE users SET locked_until = $AT WHERE id = ?', 800, locked.insertId);
    await set('UPDATE campaigns SET opens_at = $AT WHERE id = ?', 2_000, draft);
    await set('UPDATE organisations SET blacklisted_until = $AT WHERE id = ?', 3_000, org.organisationId as number);
    await set('UPDATE campaigns SET closes_at = $AT WHERE id = ?', 4_000, open);
    await set('UPDATE tenders SET bid_deadline = $AT WHERE id = ?', 5_000, tender);
    const lostBefore = runner.passes['redis data lost'];
    await loseRedis(t); // every key of this deployment, as after a FLUSHALL
    expect(await redis.exists(reconcilerMarkerKey(t.env.QUEUE_PREFIX))).toBe(0);

    const due = async (sql: string, id: number) => (await t.ds.query(sql, [id]))[0].due as Date;
    const deadlines: Deadline[] = [
      {
        kind: 'account unlock',
        action: 'identity.account.unlocked',
        entityType: 'user',
        entityId: locked.insertId,
        due: await due('SELECT locked_until AS due FROM users WHERE id = ?', locked.insertId),
      },
      {
        kind: 'campaign opening',
        action: 'needs.campaign.open',
        entityType: 'campaign',
        entityId: draft,
        due: await due('SELECT opens_at AS due FROM campaigns WHERE id = ?', draft),
      },
      {
        kind: 'blacklist expiry',
        action: 'organisations.organisation.blacklist_expired',
        entityType: 'organisation',
        entityId: org.organisationId as number,
        due: await due('SELECT blacklisted_until AS due FROM organisations WHERE id = ?', org.organisationId as number),
      },
      {
        kind: 'campaign closing',
        action: 'needs.campaign.closed',
        entityType: 'campaign',
        entityId: open,
        due: await due('SELECT closes_at AS due FROM campaigns WHERE id = ?', open),
      },
      {
        kind: 'bid deadline',
        action: 'procurement.tender.closed',
        entityType: 'tender',
        entityId: tender,
        due: await due('SELECT bid_deadline AS due FROM tenders WHERE id = ?', tender),
      },
    ];

    for (const d of deadlines) {
      const fired = await firedAt(d, 20_000);
      const lateMs = fired.getTime() - d.due.getTime();
      expect({ kind: d.kind, early: lateMs < 0, lateBy5sOrMore: lateMs >= 5000 }).toEqual({
        kind: d.kind,
        early: false,
        lateBy5sOrMore: false,
      });
    }
    expect(runner.passes['redis data lost']).toBeGreaterThan(lostBefore);
    expect(await redis.exists(reconcilerMarkerKey(t.env.QUEUE_PREFIX))).toBe(1);
    // and the bid deadline went on to the opening (its second transaction, right after the close)
    const opened = await firedAt({ ...deadlines[4], kind: 'bid opening', action: 'procurement.tender.opened' }, 10_000);
    expect(opened.getTime() - deadlines[4].due.getTime()).toBeLessThan(5000);
    // Every pending deadline of every kind has its job again: a reconcile from here finds nothing to restore. The
    // e-mail/SMS deliveries the fired deadlines wrote are not deadlines: the worker settles them while the pass runs
    // (a row read PENDING whose job completes before the pass looks at it is scheduled again, and its job then finds
    // the row SENT and does nothing), so they are left out of the count.
    const report = await t.app.get(Deadlines).reconcile();
    const restored = Object.entries(report.bySource)
      .filter(([kind]) => kind !== DELIVERY_JOB)
      .map(([kind, r]) => [kind, r.restored]);
    expect(restored.filter(([, n]) => n !== 0)).toEqual([]);
  }, 90_000);

  it('rebuilds at once when its Redis connection comes back (Redis restarted), without waiting for the next pass', async () => {
    const tender = await publishedTender(t, 'Redis 重连');
    const [{ bid_deadline: deadline }] = await t.ds.query('SELECT bid_deadline FROM tenders WHERE id = ?', [tender]);
    const jobId = tenderJob(TENDER_DEADLINE_JOB, tender, deadline as Date).jobId;
    const q = t.app.get(Deadlines).queue(QUEUES.PROCUREMENT);
    await (await q.getJob(jobId))?.remove(); // a job lost while the marker survived (e.g. an old snapshot reloaded)
    expect(await q.getJob(jobId)).toBeUndefined();
    expect(await redis.exists(reconcilerMarkerKey(t.env.QUEUE_PREFIX))).toBe(1);

    // Cut the reconciler's own connection, as a Redis restart would (only this run's named client).
    const name = reconcilerConnectionName(t.env.QUEUE_PREFIX);
    const clients = String(await redis.call('CLIENT', 'LIST', 'TYPE', 'normal'))
      .split('\n')
      .filter((l) => l.includes(` name=${name} `));
    expect(clients).toHaveLength(1);
    const id = /\bid=(\d+)/.exec(clients[0])?.[1] as string;
    const reconnectsBefore = runner.passes['redis reconnected'];
    await redis.call('CLIENT', 'KILL', 'ID', id);

    // The pass counts itself once its reconcile has returned, i.e. after the job is back: wait for both.
    const until = Date.now() + 10_000;
    while (
      Date.now() < until &&
      ((await q.getJob(jobId)) === undefined || runner.passes['redis reconnected'] <= reconnectsBefore)
    )
      await sleep(100);
    expect(await (await q.getJob(jobId))?.getState()).toBe('delayed');
    expect(runner.passes['redis reconnected']).toBeGreaterThan(reconnectsBefore);
  }, 60_000);
});
