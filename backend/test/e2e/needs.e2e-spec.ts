import { createHash } from 'node:crypto';

import { NeedsService } from '../../src/modules/needs';
import { SupportsService } from '../../src/modules/needs/services/supports.service';
import { Actor } from '../../src/platform/access';
import { categoryIdOfItem, makeResidents, MEAL_ATTRIBUTES, publishedVersionId } from '../factories/needs.factory';
import { bearer, count, createTestApp, regionId, TestApp } from '../support/test-app';

describe('群众点单: campaigns, needs, supports, merge, deliberation', () => {
  let t: TestApp;
  let worker: string;
  let resident: string;
  let versionId: number;
  let mealCategory: number;
  let shanxi: number;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await bearer(t, 'worker');
    resident = await bearer(t, 'resident');
    versionId = await publishedVersionId(t.ds);
    mealCategory = await categoryIdOfItem(t.ds, 'A0101');
    shanxi = await regionId(t.ds, '320106002001');
  });
  afterAll(() => t.close());

  const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

  async function openCampaign(overrides: Record<string, unknown> = {}): Promise<number> {
    const res = await t
      .http()
      .post('/api/v1/campaigns')
      .set('Authorization', worker)
      .send({
        regionId: shanxi,
        title: `测试征集${Math.random().toString(36).slice(2, 7)}`,
        description: '测试',
        opensAt: inDays(-1),
        closesAt: inDays(10),
        supportsPerResident: 3,
        minSupportsToShortlist: 2,
        catalogueVersionId: versionId,
        ...overrides,
      });
    expect(res.status).toBe(201);
    return res.body.id as number;
  }

  async function submitAccepted(campaignId: number, title: string, as = resident): Promise<number> {
    const res = await t.http().post('/api/v1/needs').set('Authorization', as).send({
      campaignId,
      categoryId: mealCategory,
      title,
      description: '描述',
      attributes: MEAL_ATTRIBUTES,
      location: '活动中心',
    });
    expect(res.status).toBe(201);
    const ok = await t.http().post(`/api/v1/needs/${res.body.id}/accept`).set('Authorization', worker);
    expect(ok.status).toBe(200);
    return res.body.id as number;
  }

  it('opens a campaign whose window has started at once, and freezes its rules (409)', async () => {
    const id = await openCampaign();
    const c = await t.http().get(`/api/v1/campaigns/${id}`).set('Authorization', worker);
    expect(c.body.status).toBe('OPEN');
    const change = await t
      .http()
      .patch(`/api/v1/campaigns/${id}`)
      .set('Authorization', worker)
      .send({ supportsPerResident: 10 });
    expect(change.status).toBe(409);
    expect(change.body.code).toBe('CAMPAIGN_RULES_FROZEN');
    const [row] = await t.ds.query('SELECT supports_per_resident FROM campaigns WHERE id = ?', [id]);
    expect(row.supports_per_resident).toBe(3);
  });

  it('lets a draft campaign be edited before it opens', async () => {
    const id = await openCampaign({ opensAt: inDays(2), closesAt: inDays(12) });
    const res = await t
      .http()
      .patch(`/api/v1/campaigns/${id}`)
      .set('Authorization', worker)
      .send({ supportsPerResident: 5 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'DRAFT', supportsPerResident: 5 });
  });

  it('takes a need from a verified resident, validates typed attributes, and records the timeline', async () => {
    const campaignId = await openCampaign();
    const bad = await t
      .http()
      .post('/api/v1/needs')
      .set('Authorization', resident)
      .send({
        campaignId,
        categoryId: mealCategory,
        title: '助餐',
        description: 'x',
        attributes: { targetGroup: '外星人', headcount: 0 },
        location: 'x',
      });
    expect(bad.status).toBe(422);
    expect((bad.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'attributes.targetGroup',
      'attributes.headcount',
    ]);

    const res = await t.http().post('/api/v1/needs').set('Authorization', resident).send({
      campaignId,
      categoryId: mealCategory,
      title: '老年食堂',
      description: '希望开设老年食堂',
      attributes: MEAL_ATTRIBUTES,
      location: '活动中心',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'SUBMITTED',
      channel: 'ONLINE',
      submittedByMe: true,
      regionName: '山西路社区',
      categoryName: '居家养老',
    });
    const timeline = await t.http().get(`/api/v1/needs/${res.body.id}/timeline`).set('Authorization', resident);
    expect(timeline.body).toEqual([
      expect.objectContaining({ kind: 'STATUS', fromStatus: null, toStatus: 'SUBMITTED', actorName: 'resident' }),
    ]);
  });

  it('refuses an unverified resident (403) and fences residents of other communities (404)', async () => {
    const campaignId = await openCampaign();
    const newcomer = await bearer(t, 'newcomer');
    const res = await t.http().post('/api/v1/needs').set('Authorization', newcomer).send({
      campaignId,
      categoryId: mealCategory,
      title: '想要助餐',
      description: 'x',
      attributes: MEAL_ATTRIBUTES,
      location: 'x',
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NEEDS_NOT_VERIFIED_RESIDENT');

    const needId = await submitAccepted(campaignId, '社区助餐');
    const other = await bearer(t, 'yh_resident');
    expect((await t.http().get(`/api/v1/needs/${needId}`).set('Authorization', other)).status).toBe(404);
    expect((await t.http().post(`/api/v1/needs/${needId}/support`).set('Authorization', other)).status).toBe(404);
    expect((await t.http().get(`/api/v1/campaigns/${campaignId}`).set('Authorization', other)).status).toBe(404);
    const list = await t.http().get('/api/v1/needs?pageSize=100').set('Authorization', other);
    expect((list.body.items as Array<{ id: number }>).map((n) => n.id)).not.toContain(needId);
  });

  it('lets a worker verify a resident, who may then support', async () => {
    const [row] = await t.ds.query("SELECT id FROM users WHERE username = 'newcomer'");
    const newcomer = await bearer(t, 'newcomer');
    const campaignId = await openCampaign();
    const needId = await submitAccepted(campaignId, '新居民想支持的需求');
    const supportCount = async () =>
      (
        (await t.ds.query('SELECT support_count FROM needs WHERE id = ?', [needId])) as Array<{ support_count: number }>
      )[0].support_count;

    // not verified yet: the support is refused and not counted
    const refused = await t.http().post(`/api/v1/needs/${needId}/support`).set('Authorization', newcomer);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NEEDS_NOT_VERIFIED_RESIDENT');
    expect(await supportCount()).toBe(0);

    const pending = await t.http().get('/api/v1/residents?verified=false').set('Authorization', worker);
    expect((pending.body.items as Array<{ username: string }>).map((r) => r.username)).toContain('newcomer');
    const res = await t.http().post(`/api/v1/residents/${row.id}/verify`).set('Authorization', worker);
    expect(res.status).toBe(200);
    expect(res.body.verifiedAt).toEqual(expect.any(String));
    expect((await t.http().post(`/api/v1/residents/${row.id}/verify`).set('Authorization', worker)).status).toBe(409);

    // verified: the same resident's support counts
    const supported = await t.http().post(`/api/v1/needs/${needId}/support`).set('Authorization', newcomer);
    expect(supported.status).toBe(200);
    expect(supported.body).toEqual({ needId, supportCount: 1, myRemainingSupports: 2 });
    expect(await supportCount()).toBe(1);
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM supports WHERE need_id = ? AND user_id = ?', [
      needId,
      row.id,
    ]);
    expect(Number(n)).toBe(1);
  });

  it('rejects with a structured reason, and the submitter can resubmit to a later campaign with lineage', async () => {
    const first = await openCampaign();
    const res = await t.http().post('/api/v1/needs').set('Authorization', resident).send({
      campaignId: first,
      categoryId: mealCategory,
      title: '送餐上门',
      description: 'x',
      attributes: MEAL_ATTRIBUTES,
      location: 'x',
    });
    const rejected = await t
      .http()
      .post(`/api/v1/needs/${res.body.id}/reject`)
      .set('Authorization', worker)
      .send({ reason: 'INSUFFICIENT_INFO', note: '请补充服务对象和人数' });
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectReason: 'INSUFFICIENT_INFO' });
    expect((await t.http().post(`/api/v1/needs/${res.body.id}/accept`).set('Authorization', worker)).status).toBe(409);
    const later = await openCampaign();
    const again = await t
      .http()
      .post(`/api/v1/needs/${res.body.id}/resubmit`)
      .set('Authorization', resident)
      .send({ campaignId: later });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ status: 'SUBMITTED', resubmittedFromId: res.body.id, campaignId: later });
  });

  it('suggests similar needs of the same community while typing', async () => {
    const campaignId = await openCampaign();
    const id = await submitAccepted(campaignId, '社区老年人助餐服务点');
    const res = await t
      .http()
      .get(`/api/v1/needs/similar?campaignId=${campaignId}&title=${encodeURIComponent('老年助餐服务')}`)
      .set('Authorization', resident);
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ id, title: '社区老年人助餐服务点' });
  });

  it('records proxy entry by a worker for an offline resident', async () => {
    const campaignId = await openCampaign();
    const res = await t.http().post('/api/v1/needs').set('Authorization', worker).send({
      campaignId,
      categoryId: mealCategory,
      title: '代录：助浴',
      description: '独居老人不会用手机',
      attributes: MEAL_ATTRIBUTES,
      location: '3栋',
      offlineName: '周大爷',
      offlinePhone: '02512345678',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'PROXY', offlineName: '周大爷' });
  });

  it('shows the real name behind a proxy entry only to the worker who entered it and to moderators of its region', async () => {
    const campaignId = await openCampaign();
    const res = await t.http().post('/api/v1/needs').set('Authorization', worker).send({
      campaignId,
      categoryId: mealCategory,
      title: '代录：上门理发',
      description: '行动不便',
      attributes: MEAL_ATTRIBUTES,
      location: '5栋',
      offlineName: '钱奶奶',
      offlinePhone: '02587654321',
    });
    expect(res.status).toBe(201);
    // accepted: the need is now public to the community, so neighbours read it
    await t.http().post(`/api/v1/needs/${res.body.id}/accept`).set('Authorization', worker).expect(200);
    const admin = await bearer(t, 'admin');
    const colleague = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', admin)
      .send({
        username: `sx_worker_${campaignId}`,
        displayName: '山西路社区另一位社工',
        password: 'Diandan@2026',
        roles: ['COMMUNITY_WORKER'],
        regionId: shanxi,
      });
    expect(colleague.status).toBe(201);
    const nameSeenBy = async (token: string) => {
      const detail = await t.http().get(`/api/v1/needs/${res.body.id}`).set('Authorization', token);
      expect(detail.status).toBe(200);
      return detail.body.offlineName as string | null;
    };
    expect(await nameSeenBy(worker)).toBe('钱奶奶');
    expect(await nameSeenBy(await bearer(t, `sx_worker_${campaignId}`))).toBe('钱奶奶');
    for (const other of ['resident', 'resident2', 'officer', 'auditor'])
      expect({ other, name: await nameSeenBy(await bearer(t, other)) }).toEqual({ other, name: null });
  });

  it('never shows a resident the account name (often a phone number) of another resident in a timeline', async () => {
    const campaignId = await openCampaign();
    const needId = await submitAccepted(campaignId, '时间线隐私测试');
    const neighbour = await bearer(t, 'resident2');
    await t.http().post(`/api/v1/needs/${needId}/support`).set('Authorization', neighbour).expect(200);
    const actors = (events: Array<{ toStatus: string; actorName: string | null }>) =>
      events.map((e) => [e.toStatus, e.actorName]);

    const seenByNeighbour = await t.http().get(`/api/v1/needs/${needId}/timeline`).set('Authorization', neighbour);
    expect(actors(seenByNeighbour.body)).toEqual([
      ['SUBMITTED', null],
      ['ACCEPTED', 'worker'],
    ]);
    const mine = await t.http().get('/api/v1/my/needs').set('Authorization', neighbour);
    const supported = (mine.body as Array<{ need: { id: number }; timeline: [] }>).find((m) => m.need.id === needId);
    expect(actors(supported?.timeline ?? [])).toEqual([
      ['SUBMITTED', null],
      ['ACCEPTED', 'worker'],
    ]);
    // the submitter sees their own name, staff see everybody's
    for (const [who, token] of [
      ['resident', resident],
      ['worker', worker],
    ]) {
      const own = await t.http().get(`/api/v1/needs/${needId}/timeline`).set('Authorization', token);
      expect({ who, actors: actors(own.body) }).toEqual({
        who,
        actors: [
          ['SUBMITTED', 'resident'],
          ['ACCEPTED', 'worker'],
        ],
      });
    }
  });

  it('counts 100 concurrent supports exactly, and holds each resident to the campaign quota', async () => {
    const campaignId = await openCampaign();
    const needId = await submitAccepted(campaignId, '百人支持测试');
    const supports = t.app.get(SupportsService);
    const residents = await makeResidents(t.ds, '320106002001', 100, `crowd_${campaignId}_`);
    const results = await Promise.allSettled(residents.map((r) => supports.support(r, needId)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(100);
    const [row] = await t.ds.query('SELECT support_count FROM needs WHERE id = ?', [needId]);
    const [{ n }] = await t.ds.query('SELECT COUNT(*) AS n FROM supports WHERE need_id = ?', [needId]);
    expect(row.support_count).toBe(100);
    expect(Number(n)).toBe(100);

    // one resident, 8 needs at once, quota 3: exactly 3 succeed
    const needs = await Promise.all(Array.from({ length: 8 }, (_, i) => submitAccepted(campaignId, `配额测试${i}`)));
    const eager: Actor = residents[0];
    const burst = await Promise.allSettled(needs.map((id) => supports.support(eager, id)));
    expect(burst.filter((r) => r.status === 'fulfilled')).toHaveLength(2); // one of 3 already used above
    const rejected = burst.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.every((r) => (r.reason as { code: string }).code === 'NEEDS_SUPPORT_LIMIT_REACHED')).toBe(true);
    const [p] = await t.ds.query(
      'SELECT supports_used FROM campaign_participants WHERE campaign_id = ? AND user_id = ?',
      [campaignId, eager.userId],
    );
    expect(p.supports_used).toBe(3);
  });

  it('supports once per resident, withdraws while open, and refuses after the close instant', async () => {
    const campaignId = await openCampaign();
    const needId = await submitAccepted(campaignId, '支持与撤回');
    const first = await t.http().post(`/api/v1/needs/${needId}/support`).set('Authorization', resident);
    expect(first.body).toEqual({ needId, supportCount: 1, myRemainingSupports: 2 });
    const listed = await t.http().get(`/api/v1/needs?campaignId=${campaignId}`).set('Authorization', resident);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: needId, supportedByMe: true, supportCount: 1 })]);
    expect((await t.http().post(`/api/v1/needs/${needId}/support`).set('Authorization', resident)).status).toBe(409);
    const back = await t.http().delete(`/api/v1/needs/${needId}/support`).set('Authorization', resident);
    expect(back.body).toEqual({ needId, supportCount: 0, myRemainingSupports: 3 });
    // the database clock decides: the campaign is past its close instant although no job has closed it yet
    await t.ds.query('UPDATE campaigns SET closes_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [
      campaignId,
    ]);
    const late = await t.http().post(`/api/v1/needs/${needId}/support`).set('Authorization', resident);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CAMPAIGN_NOT_OPEN');
  });

  it('merges duplicates and moves only the supports of residents who consent', async () => {
    const campaignId = await openCampaign();
    const target = await submitAccepted(campaignId, '老年食堂（主）');
    const source = await submitAccepted(campaignId, '老年食堂（重复）');
    const supports = t.app.get(SupportsService);
    const [yes, no, both] = await makeResidents(t.ds, '320106002001', 3, `merge_${campaignId}_`);
    for (const r of [yes, no, both]) await supports.support(r, source);
    await supports.support(both, target);

    const merged = await t
      .http()
      .post(`/api/v1/needs/${source}/merge`)
      .set('Authorization', worker)
      .send({ targetNeedId: target });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ status: 'MERGED', mergedIntoId: target });
    const targetDetail = await t.http().get(`/api/v1/needs/${target}`).set('Authorization', worker);
    expect(targetDetail.body.mergedFrom).toEqual([source]);

    const pending = await supports.transfers(yes);
    expect(pending).toEqual([
      expect.objectContaining({ sourceNeedId: source, targetNeedId: target, status: 'PENDING' }),
    ]);
    await supports.answerTransfer(yes, pending[0].id, true);
    await supports.answerTransfer(no, (await supports.transfers(no))[0].id, false);
    await supports.answerTransfer(both, (await supports.transfers(both))[0].id, true);

    const rows: Array<{ need_id: number; user_id: number }> = await t.ds.query(
      'SELECT need_id, user_id FROM supports WHERE need_id IN (?, ?) ORDER BY user_id, need_id',
      [source, target],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { need_id: target, user_id: yes.userId },
        { need_id: source, user_id: no.userId },
        { need_id: target, user_id: both.userId },
      ]),
    );
    expect(rows).toHaveLength(3);
    const counts: Array<{ id: number; support_count: number }> = await t.ds.query(
      'SELECT id, support_count FROM needs WHERE id IN (?, ?) ORDER BY id',
      [target, source],
    );
    expect(counts).toEqual([
      { id: target, support_count: 2 },
      { id: source, support_count: 1 },
    ]);
    const [quota] = await t.ds.query(
      'SELECT supports_used FROM campaign_participants WHERE campaign_id = ? AND user_id = ?',
      [campaignId, both.userId],
    );
    expect(quota.supports_used).toBe(1); // its duplicate support was released
    await expect(supports.answerTransfer(yes, pending[0].id, false)).rejects.toMatchObject({
      code: 'NEEDS_TRANSFER_ANSWERED',
    });
  });

  it('records a deliberation that approves, notifies submitter and supporters, and the resident sees it all', async () => {
    const campaignId = await openCampaign();
    const approved = await submitAccepted(campaignId, '助餐甲');
    const declined = await submitAccepted(campaignId, '助餐乙');
    const supports = t.app.get(SupportsService);
    const [fan] = await makeResidents(t.ds, '320106002001', 1, `delib_${campaignId}_`);
    await supports.support(fan, approved);
    const early = await t
      .http()
      .post(`/api/v1/campaigns/${campaignId}/deliberations`)
      .set('Authorization', worker)
      .send({
        heldOn: '2026-12-01',
        attendees: '居民代表10人',
        minutes: '纪要',
        decisions: [{ needId: approved, decision: 'APPROVED', reason: '急需' }],
      });
    expect(early.status).toBe(409);

    await t.ds.query('UPDATE campaigns SET closes_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [
      campaignId,
    ]);
    const { CampaignsService } = await import('../../src/modules/needs');
    expect(await t.app.get(CampaignsService).tick(campaignId)).toEqual({ result: 'CLOSED' });

    const res = await t
      .http()
      .post(`/api/v1/campaigns/${campaignId}/deliberations`)
      .set('Authorization', worker)
      .send({
        heldOn: '2026-12-01',
        attendees: '居民代表10人、社区党委、社工',
        minutes: '会议讨论了本期需求。',
        decisions: [
          { needId: approved, decision: 'APPROVED', reason: '老人就餐难，急需' },
          { needId: declined, decision: 'DECLINED', reason: '已有同类服务' },
        ],
      });
    expect(res.status).toBe(201);
    const campaign = await t.http().get(`/api/v1/campaigns/${campaignId}`).set('Authorization', worker);
    expect(campaign.body.status).toBe('DECIDED');

    const mine = await t.http().get('/api/v1/my/needs').set('Authorization', resident);
    const entry = (
      mine.body as Array<{ need: { id: number; status: string }; timeline: Array<{ toStatus: string }> }>
    ).find((m) => m.need.id === approved);
    expect(entry?.need.status).toBe('APPROVED');
    expect(entry?.timeline.map((e) => e.toStatus)).toEqual(['SUBMITTED', 'ACCEPTED', 'SHORTLISTED', 'APPROVED']);
    const inbox = await t.http().get('/api/v1/inbox?pageSize=100').set('Authorization', resident);
    expect(
      (inbox.body.items as Array<{ needId: number; title: string }>).some(
        (m) => m.needId === approved && m.title.includes('议事会通过'),
      ),
    ).toBe(true);
    const [{ n }] = await t.ds.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND need_id = ? AND template = 'need.status_changed' AND JSON_VALUE(params, '$.to') = 'APPROVED'",
      [fan.userId, approved],
    );
    expect(Number(n)).toBe(1);

    // approved needs are listed for the district's procurement officer, and exported
    const officer = await bearer(t, 'officer');
    const list = await t
      .http()
      .get(`/api/v1/needs?status=APPROVED&regionId=${await regionId(t.ds, '320106000000')}&pageSize=100`)
      .set('Authorization', officer);
    expect((list.body.items as Array<{ id: number }>).map((x) => x.id)).toContain(approved);
    const xlsx = await t
      .http()
      .get('/api/v1/needs/export.xlsx?status=APPROVED')
      .set('Authorization', officer)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const xw = await bearer(t, 'xw_officer');
    const fenced = await t.http().get('/api/v1/needs?status=APPROVED&pageSize=100').set('Authorization', xw);
    expect((fenced.body.items as Array<{ id: number }>).map((x) => x.id)).not.toContain(approved);
  });

  it('accepts a PNG attachment with its SHA-256 and refuses a disguised file, changing nothing', async () => {
    const campaignId = await openCampaign();
    const needId = await submitAccepted(campaignId, '附件测试');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const ok = await t
      .http()
      .post(`/api/v1/needs/${needId}/attachments`)
      .set('Authorization', resident)
      .attach('file', png, '活动中心.png');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      filename: '活动中心.png',
      mime: 'image/png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    const before = await count(t.ds, 'need_attachments');
    const fake = await t
      .http()
      .post(`/api/v1/needs/${needId}/attachments`)
      .set('Authorization', resident)
      .attach('file', Buffer.from('<script>alert(1)</script>'), 'photo.png');
    expect(fake.status).toBe(422);
    expect(fake.body.code).toBe('NEEDS_ATTACHMENT_REJECTED');
    expect(await count(t.ds, 'need_attachments')).toBe(before);
    const got = await t.http().get(`/api/v1/needs/${needId}/attachments/${ok.body.id}`).set('Authorization', worker);
    expect(got.status).toBe(200);
  });

  it('lists needs through the service with the same query the bench uses, in exactly the order asked, page after page', async () => {
    // 13 needs whose support counts are shuffled against their creation order, with ties (broken by the newer id)
    const campaignId = await openCampaign();
    const counts = [4, 11, 0, 7, 7, 2, 9, 1, 11, 5, 3, 7, 6];
    const ids: number[] = [];
    for (const [i, n] of counts.entries()) {
      const id = await submitAccepted(campaignId, `排序测试${i}`);
      await t.ds.query('UPDATE needs SET support_count = ? WHERE id = ?', [n, id]);
      ids.push(id);
    }
    const expected = ids
      .map((id, i) => ({ id, n: counts[i] }))
      .sort((a, b) => b.n - a.n || b.id - a.id)
      .map((x) => x.id);
    expect(expected).not.toEqual([...ids].reverse()); // the order differs from the default (newest first)

    const officer: Actor = {
      userId: 0,
      username: 'x',
      roles: ['PROCUREMENT_OFFICER'],
      regionId: 1,
      regionPath: '/1/',
      organisationId: null,
      sessionId: null,
      ip: null,
    };
    const service = t.app.get(NeedsService);
    const seen: number[] = [];
    for (let page = 1; page <= 3; page++) {
      const list = await service.list(officer, { page, pageSize: 5, sort: '-supportCount', campaignId });
      expect(list.total).toBe(13);
      seen.push(...list.items.map((i) => i.id));
    }
    expect(seen).toEqual(expected);
    // over HTTP too, as a worker of the community, and oldest first when asked
    const http = await t
      .http()
      .get(`/api/v1/needs?campaignId=${campaignId}&sort=-supportCount&pageSize=100`)
      .set('Authorization', worker);
    expect((http.body.items as Array<{ id: number }>).map((i) => i.id)).toEqual(expected);
    const oldest = await t
      .http()
      .get(`/api/v1/needs?campaignId=${campaignId}&sort=createdAt&pageSize=100`)
      .set('Authorization', worker);
    expect((oldest.body.items as Array<{ id: number }>).map((i) => i.id)).toEqual(ids);
  });
});
