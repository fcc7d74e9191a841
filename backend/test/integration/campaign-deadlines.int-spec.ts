import { INestApplicationContext } from '@nestjs/common';

import { CAMPAIGN_CLOSE_JOB, CAMPAIGN_OPEN_JOB, campaignDeadline, CampaignsService } from '../../src/modules/needs';
import { SupportsService } from '../../src/modules/needs/services/supports.service';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { categoryIdOfItem, makeResidents, MEAL_ATTRIBUTES, publishedVersionId } from '../factories/needs.factory';
import { bearer, createTestApp, createTestWorker, loseRedis, regionId, TestApp } from '../support/test-app';

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`condition not met within ${ms} ms`);
}

describe('campaign opening and closing are deadlines (BullMQ + reconciler)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const status = async (id: number) =>
    ((await t.ds.query('SELECT status FROM campaigns WHERE id = ?', [id])) as Array<{ status: string }>)[0].status;

  it('schedules the opening of a future campaign with a deterministic job id', async () => {
    const worker_ = await bearer(t, 'worker');
    const res = await t
      .http()
      .post('/api/v1/campaigns')
      .set('Authorization', worker_)
      .send({
        regionId: await regionId(t.ds, '320106002001'),
        title: '未来的征集',
        description: 'x',
        opensAt: new Date(Date.now() + 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 7_200_000).toISOString(),
        supportsPerResident: 3,
        minSupportsToShortlist: 1,
        catalogueVersionId: await publishedVersionId(t.ds),
      });
    expect(res.body.status).toBe('DRAFT');
    const [c] = await t.ds.query('SELECT id, opens_at AS opensAt, closes_at AS closesAt FROM campaigns WHERE id = ?', [
      res.body.id,
    ]);
    const job = await t.app.get(Deadlines).queue(QUEUES.NEEDS).getJob(campaignDeadline(CAMPAIGN_OPEN_JOB, c).jobId);
    expect(await job?.getState()).toBe('delayed');
  });

  it('opens and closes on time in the worker after Redis lost everything, shortlisting needs with enough supports', async () => {
    const campaigns = t.app.get(CampaignsService);
    const worker_ = await bearer(t, 'worker');
    // a campaign that is open now, with an accepted need that gets 2 supports and one that gets none
    const created = await t
      .http()
      .post('/api/v1/campaigns')
      .set('Authorization', worker_)
      .send({
        regionId: await regionId(t.ds, '320106002001'),
        title: '即将截止的征集',
        description: 'x',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        supportsPerResident: 3,
        minSupportsToShortlist: 2,
        catalogueVersionId: await publishedVersionId(t.ds),
      });
    const id = created.body.id as number;
    const resident = await bearer(t, 'resident');
    const needIds: number[] = [];
    for (const title of ['热门需求', '冷门需求']) {
      const n = await t
        .http()
        .post('/api/v1/needs')
        .set('Authorization', resident)
        .send({
          campaignId: id,
          categoryId: await categoryIdOfItem(t.ds, 'A0101'),
          title,
          description: 'x',
          attributes: MEAL_ATTRIBUTES,
          location: 'x',
        });
      await t.http().post(`/api/v1/needs/${n.body.id}/accept`).set('Authorization', worker_);
      needIds.push(n.body.id as number);
    }
    const supports = t.app.get(SupportsService);
    for (const r of await makeResidents(t.ds, '320106002001', 2, `close_${id}_`)) await supports.support(r, needIds[0]);

    // bring the close instant to 2 s from now (as if the campaign were about to end), then lose Redis
    await t.ds.query('UPDATE campaigns SET closes_at = UTC_TIMESTAMP(3) + INTERVAL 2 SECOND WHERE id = ?', [id]);
    await loseRedis(t); // every key of this deployment, as after a FLUSHALL
    expect(await status(id)).toBe('OPEN');

    worker = await createTestWorker(); // the reconciler rebuilds the close job at start-up
    const [c] = await t.ds.query('SELECT id, opens_at AS opensAt, closes_at AS closesAt FROM campaigns WHERE id = ?', [
      id,
    ]);
    expect(
      await t.app.get(Deadlines).queue(QUEUES.NEEDS).getJob(campaignDeadline(CAMPAIGN_CLOSE_JOB, c).jobId),
    ).toBeDefined();
    await waitFor(async () => (await status(id)) === 'CLOSED', 20_000);

    const rows: Array<{ id: number; status: string }> = await t.ds.query(
      'SELECT id, status FROM needs WHERE id IN (?, ?) ORDER BY id',
      needIds,
    );
    expect(rows).toEqual([
      { id: needIds[0], status: 'SHORTLISTED' },
      { id: needIds[1], status: 'ACCEPTED' },
    ]);
    // the job is idempotent: running the handler again changes nothing
    expect(await campaigns.tick(id)).toEqual({ result: 'NOTHING_TO_DO' });
    const [{ n }] = await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'needs.campaign.closed' AND entity_id = ?",
      [String(id)],
    );
    expect(Number(n)).toBe(1);
  });
});
