import { TendersService } from '../../src/modules/procurement';
import { beijingDate, beijingDayStart, formatBeijingText } from '../../src/platform/i18n';
import { categoryIdOfItem, makeResidents, MEAL_ATTRIBUTES } from '../factories/needs.factory';
import { activeLineId, bidBody, deadlinePassed, mealItemId, PLAN, tenderBody } from '../factories/procurement.factory';
import { bearer, createTestApp, regionId, TestApp } from '../support/test-app';

interface TimelineEntry {
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  template: string | null;
  text: string;
  detail: string;
  actorName: string;
}
interface InboxItem {
  kind: string;
  template: string | null;
  title: string;
  body: string;
  needId: number | null;
}

/** `YYYY-MM-DD` in Beijing, `days` from now. */
const beijingDayIn = (days: number) => beijingDate(new Date(Date.now() + days * 86_400_000));

/**
 * A resident's need followed downstream of the council (issue #9, A10/A11): the raiser and a
 * supporter see every procurement step on the need's timeline and in their inbox, in their
 * language, with times in Beijing time — and nothing about the bids before they are opened.
 */
describe('a need followed through procurement: timeline and inbox of its raiser and supporters', () => {
  let t: TestApp;
  let tenders: TendersService;
  const as: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    tenders = t.app.get(TendersService);
    for (const u of ['resident', 'worker', 'officer', 'finance', 'orgmember', 'orgmember2', 'orgmember3'])
      as[u] = await bearer(t, u);
  });
  afterAll(() => t.close());

  /** A need raised by `resident`, accepted, supported by a new verified resident, then approved. */
  async function supportedApprovedNeed(title: string): Promise<{ needId: number; supporter: string }> {
    const [campaign] = (await t.ds.query(
      "SELECT id FROM campaigns WHERE status = 'OPEN' ORDER BY id LIMIT 1",
    )) as Array<{ id: number }>;
    const n = await t
      .http()
      .post('/api/v1/needs')
      .set('Authorization', as.resident)
      .send({
        campaignId: campaign.id,
        categoryId: await categoryIdOfItem(t.ds, 'A0101'),
        title,
        description: '下游进度测试',
        attributes: MEAL_ATTRIBUTES,
        location: '活动中心',
      })
      .expect(201);
    await t.http().post(`/api/v1/needs/${n.body.id}/accept`).set('Authorization', as.worker).expect(200);
    const [fan] = await makeResidents(t.ds, '320106002001', 1, `tl_${n.body.id}_`);
    const supporter = await bearer(t, fan.username);
    await t.http().post(`/api/v1/needs/${n.body.id}/support`).set('Authorization', supporter).expect(200);
    // the council's decision is recorded directly (a test-data shortcut, as in the procurement factory)
    await t.ds.query("UPDATE needs SET status = 'APPROVED' WHERE id = ?", [n.body.id]);
    return { needId: n.body.id as number, supporter };
  }

  /** A project for the need, approved by finance (the need moves to IN_PROCUREMENT), and a published tender. */
  async function tenderFor(needId: number, title: string, bidDeadline: string): Promise<number> {
    const p = await t
      .http()
      .post('/api/v1/projects')
      .set('Authorization', as.officer)
      .send({
        title,
        regionId: await regionId(t.ds, '320106002001'),
        catalogueItemId: await mealItemId(t),
        needIds: [needId],
        quantity: 800,
        unitPrice: '12.50',
        budgetLineId: await activeLineId(t),
        plan: PLAN,
      })
      .expect(201);
    await t.http().post(`/api/v1/projects/${p.body.id}/submit`).set('Authorization', as.officer).expect(200);
    await t.http().post(`/api/v1/projects/${p.body.id}/approve`).set('Authorization', as.finance).send({}).expect(200);
    const c = await t
      .http()
      .post('/api/v1/tenders')
      .set('Authorization', as.officer)
      .send(tenderBody(p.body.id, { title: `${title}采购`, bidDeadline }))
      .expect(201);
    await t.http().post(`/api/v1/tenders/${c.body.id}/publish`).set('Authorization', as.officer).expect(200);
    return c.body.id as number;
  }

  const timeline = async (needId: number, token: string, lang?: string): Promise<TimelineEntry[]> => {
    const req = t.http().get(`/api/v1/needs/${needId}/timeline`).set('Authorization', token);
    if (lang) req.set('Accept-Language', lang);
    const res = await req.expect(200);
    return res.body as TimelineEntry[];
  };
  const inbox = async (needId: number, token: string, lang?: string): Promise<InboxItem[]> => {
    const req = t.http().get('/api/v1/inbox?pageSize=100').set('Authorization', token);
    if (lang) req.set('Accept-Language', lang);
    const res = await req.expect(200);
    return (res.body.items as InboxItem[]).filter((m) => m.needId === needId).reverse();
  };
  const steps = (entries: TimelineEntry[]) => entries.filter((e) => e.kind === 'STEP').map((e) => e.template);

  async function openNow(id: number): Promise<void> {
    await deadlinePassed(t, id);
    expect((await tenders.deadlineTick(id)).result).not.toBe('NOT_DUE');
  }
  const bid = (user: string, id: number, price: string) =>
    t.http().put(`/api/v1/tenders/${id}/my-bid`).set('Authorization', as[user]).send(bidBody(price)).expect(200);

  it('publish → amendment → opening → award notice → awarded: every step on the timeline and in both inboxes', async () => {
    const { needId, supporter } = await supportedApprovedNeed('下游进度：助餐');
    // a bid deadline at midnight Beijing time: people must read it as 24:00 of the day before
    const bidDeadline = beijingDayStart(beijingDayIn(31)) as string;
    const id = await tenderFor(needId, '下游进度助餐', bidDeadline);

    let zh = await timeline(needId, as.resident);
    expect(zh.map((e) => e.toStatus ?? e.kind)).toEqual(['SUBMITTED', 'ACCEPTED', 'IN_PROCUREMENT', 'STEP']);
    expect(zh[2]).toMatchObject({ text: '已通过 → 采购中', detail: '纳入采购项目「下游进度助餐」' });
    const published = zh[3];
    expect(published).toMatchObject({
      template: 'procurement.step.tender_published',
      text: '采购公告「下游进度助餐采购」已发布',
      actorName: 'officer',
    });
    const deadlineZh = formatBeijingText(bidDeadline, 'zh-CN', { deadline: true });
    expect(deadlineZh).toMatch(/24:00$/);
    expect(published.detail).toBe(`采购方式：公开招标。投标截止时间：${deadlineZh}。`);
    // the same timeline in English for a reader whose browser asks for it
    const en = await timeline(needId, as.resident, 'en-US,en;q=0.9');
    expect(en[3].text).toBe('Call for bids “下游进度助餐采购” published');
    expect(en[3].detail).toContain(`${formatBeijingText(bidDeadline, 'en-US', { deadline: true })} (Beijing time)`);

    // an amendment that affects preparation close to the deadline moves it: the residents see the new deadline
    await t.ds.query('UPDATE tenders SET bid_deadline = ? WHERE id = ?', [
      new Date(beijingDayStart(beijingDayIn(3)) as string),
      id,
    ]);
    await t
      .http()
      .post(`/api/v1/tenders/${id}/amendments`)
      .set('Authorization', as.officer)
      .send({ body: '服务时间调整为每日两餐。', affectsPreparation: true })
      .expect(200);
    const [{ bid_deadline: moved }] = await t.ds.query('SELECT bid_deadline FROM tenders WHERE id = ?', [id]);
    zh = await timeline(needId, as.resident);
    expect(zh.at(-1)).toMatchObject({ template: 'procurement.step.deadline_moved' });
    expect(zh.at(-1)?.detail).toContain(`顺延至 ${formatBeijingText(moved as Date, 'zh-CN', { deadline: true })}`);

    // bids come in: nothing about them reaches the residents before opening (no step, no message, no count)
    const before = { timeline: await timeline(needId, supporter), inbox: await inbox(needId, supporter) };
    await bid('orgmember', id, '9000.00');
    await bid('orgmember2', id, '8500.00');
    await bid('orgmember3', id, '9500.00');
    expect(await timeline(needId, supporter)).toEqual(before.timeline);
    expect(await inbox(needId, supporter)).toEqual(before.inbox);

    await openNow(id);
    zh = await timeline(needId, as.resident);
    expect(zh.at(-1)).toMatchObject({
      template: 'procurement.step.bids_opened',
      text: '采购公告「下游进度助餐采购」已开标',
      actorName: '系统',
    });
    expect(zh.at(-1)?.detail).not.toMatch(/\d+\s*份/); // opened, not how many

    // qualification, committee, scores, then the officer confirms the winner: the award notice
    const bids = (await t.ds.query('SELECT id FROM bids WHERE tender_id = ? AND status = ?', [id, 'OPENED'])) as Array<{
      id: string;
    }>;
    await t
      .http()
      .post(`/api/v1/tenders/${id}/qualification`)
      .set('Authorization', as.officer)
      .send({ decisions: bids.map((b) => ({ bidId: b.id, qualified: true })) })
      .expect(204);
    await t.http().post(`/api/v1/tenders/${id}/committee/draw`).set('Authorization', as.officer).expect(200);
    const experts = (await t.ds.query(
      'SELECT u.username FROM committee_members c JOIN users u ON u.id = c.expert_id WHERE c.tender_id = ?',
      [id],
    )) as Array<{ username: string }>;
    for (const e of experts) {
      const sheets = bids.map((b) => ({ bidId: b.id, scores: { PLAN: '30', TEAM: '20' } }));
      await t
        .http()
        .put(`/api/v1/tenders/${id}/my-scores`)
        .set('Authorization', await bearer(t, e.username))
        .send({ sheets })
        .expect(200);
    }
    await t.http().post(`/api/v1/tenders/${id}/award`).set('Authorization', as.officer).send({}).expect(200);
    const [{ objection_window_ends_at: windowEnds }] = await t.ds.query(
      'SELECT objection_window_ends_at FROM tenders WHERE id = ?',
      [id],
    );
    zh = await timeline(needId, as.resident);
    expect(zh.at(-1)).toMatchObject({
      template: 'procurement.step.award_notice',
      text: '「下游进度助餐采购」中标公告已发布',
      detail: `中标人：南京市鼓楼区邻里互助服务社，中标金额 8,500.00 元。质疑期至 ${formatBeijingText(windowEnds as Date, 'zh-CN', { deadline: true })}，期满无质疑即生效。`,
    });

    // the objection window passes with no objection: the award is final
    await t.ds.query(
      'UPDATE tenders SET objection_window_ends_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?',
      [id],
    );
    expect((await tenders.objectionWindowTick(id)).result).toBe('AWARDED');
    zh = await timeline(needId, as.resident);
    expect(zh.at(-1)).toMatchObject({
      template: 'procurement.step.awarded',
      text: '「下游进度助餐采购」中标结果已生效',
      detail: '由 南京市鼓楼区邻里互助服务社 提供服务，中标金额 8,500.00 元。接下来签订合同。',
    });
    // the winner's performance record gets the award, written in the reader's language too
    const record = await t
      .http()
      .get('/api/v1/my/organisation/record')
      .set('Authorization', as.orgmember2)
      .set('Accept-Language', 'en-US')
      .expect(200);
    expect(record.body.items[0]).toMatchObject({ kind: 'AWARD', summary: 'Won “下游进度助餐采购”', amount: '8500.00' });
    const expected = [
      'procurement.step.tender_published',
      'procurement.step.deadline_moved',
      'procurement.step.bids_opened',
      'procurement.step.award_notice',
      'procurement.step.awarded',
    ];
    expect(steps(zh)).toEqual(expected);

    // the supporter reads the same timeline, and has chosen English for server texts
    await t
      .http()
      .patch('/api/v1/me/preferences')
      .set('Authorization', supporter)
      .send({ locale: 'en-US' })
      .expect(200);
    const theirs = await timeline(needId, supporter, 'zh-CN'); // the saved choice wins over the browser
    expect(steps(theirs)).toEqual(expected);
    expect(theirs.at(-1)).toMatchObject({
      text: 'The award for “下游进度助餐采购” is final',
      detail: '南京市鼓楼区邻里互助服务社 will provide the service, for CNY 8,500.00. The contract is signed next.',
    });
    const mine = await t.http().get('/api/v1/my/needs').set('Authorization', supporter).expect(200);
    const entry = (mine.body as Array<{ need: { id: number }; relation: string; timeline: TimelineEntry[] }>).find(
      (m) => m.need.id === needId,
    );
    expect(entry?.relation).toBe('SUPPORTED');
    expect(steps(entry?.timeline ?? [])).toEqual(expected);

    // both inboxes: the move to procurement and one message per step, linked to the need
    for (const [token, lang] of [
      [as.resident, 'zh-CN'],
      [supporter, 'en-US'],
    ] as const) {
      const messages = await inbox(needId, token);
      const news = messages.filter((m) => m.template === 'need.step' || m.template === 'need.status_changed');
      expect(news.slice(-6).map((m) => m.kind)).toEqual([
        'need.status_changed',
        'need.step',
        'need.step',
        'need.step',
        'need.step',
        'need.step',
      ]);
      const last = news.at(-1) as InboxItem;
      expect(last.title).toBe(
        lang === 'zh-CN'
          ? '需求「下游进度：助餐」：「下游进度助餐采购」中标结果已生效'
          : 'Need “下游进度：助餐”: The award for “下游进度助餐采购” is final',
      );
      // no UTC instant in any text for people
      for (const m of messages) expect(`${m.title} ${m.body}`).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
    const officerInbox = await t.http().get('/api/v1/inbox?pageSize=100').set('Authorization', as.officer);
    for (const m of officerInbox.body.items as InboxItem[])
      expect(`${m.title} ${m.body}`).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('流标: fewer than three valid bids — the residents learn it failed and what happens next', async () => {
    const { needId, supporter } = await supportedApprovedNeed('下游进度：流标');
    const id = await tenderFor(needId, '下游流标', beijingDayStart(beijingDayIn(31)) as string);
    await bid('orgmember', id, '9000.00');
    await bid('orgmember2', id, '8500.00');
    await openNow(id);
    const [{ status }] = await t.ds.query('SELECT status FROM tenders WHERE id = ?', [id]);
    expect(status).toBe('FAILED');
    for (const token of [as.resident, supporter]) {
      const zh = await timeline(needId, token, 'zh-CN');
      expect(steps(zh)).toEqual([
        'procurement.step.tender_published',
        'procurement.step.bids_opened',
        'procurement.step.tender_failed',
      ]);
      expect(zh.at(-1)).toMatchObject({
        text: '采购公告「下游流标采购」流标',
        detail: '有效投标 2 份，不足 3 份。采购项目将重新招标或变更采购方式，您的需求仍在采购中。',
      });
      const messages = await inbox(needId, token, 'en-US');
      expect(messages.at(-1)).toMatchObject({
        kind: 'need.step',
        template: 'need.step',
        title: 'Need “下游进度：流标”: Call for bids “下游流标采购” failed',
        body: '2 valid bid(s), fewer than the 3 required. The project will be put out to tender again or bought by another method; your need stays in procurement.',
      });
    }
    // the need stays in procurement: its project is back to APPROVED, ready for a new call for bids
    const [need] = await t.ds.query('SELECT status FROM needs WHERE id = ?', [needId]);
    expect(need.status).toBe('IN_PROCUREMENT');
  });

  it('a cancelled call for bids and a cancelled project reach the timeline too', async () => {
    const { needId } = await supportedApprovedNeed('下游进度：终止');
    const id = await tenderFor(needId, '下游终止', beijingDayStart(beijingDayIn(31)) as string);
    await t
      .http()
      .post(`/api/v1/tenders/${id}/cancel`)
      .set('Authorization', as.officer)
      .send({ reason: '采购需求调整' })
      .expect(200);
    const [{ project_id: projectId }] = await t.ds.query('SELECT project_id FROM tenders WHERE id = ?', [id]);
    await t
      .http()
      .post(`/api/v1/projects/${projectId}/cancel`)
      .set('Authorization', as.officer)
      .send({ reason: '改由街道统一采购' })
      .expect(200);
    const zh = await timeline(needId, as.resident);
    expect(zh.slice(-2)).toEqual([
      expect.objectContaining({
        template: 'procurement.step.tender_cancelled',
        text: '采购公告「下游终止采购」已终止',
        detail: '原因：采购需求调整。采购项目可重新发布采购公告，您的需求仍在采购中。',
      }),
      expect.objectContaining({
        toStatus: 'APPROVED',
        text: '采购中 → 已通过',
        detail: '采购项目「下游终止」已取消：改由街道统一采购',
      }),
    ]);
  });

  it('keeps the language choice: PATCH /me/preferences validates, audits a change once, and GET /me returns it', async () => {
    const [who] = await makeResidents(t.ds, '320106002001', 1, `pref_${Date.now()}_`);
    const token = await bearer(t, who.username);
    for (const body of [{}, { locale: 'fr-FR' }, { locale: 'en-US', extra: 1 }, { locale: null }]) {
      const res = await t.http().patch('/api/v1/me/preferences').set('Authorization', token).send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    const audits = async () =>
      Number(
        (
          await t.ds.query(
            "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'identity.user.preferences_changed' AND entity_id = ?",
            [String(who.userId)],
          )
        )[0].n,
      );
    expect(await audits()).toBe(0);
    expect(
      (await t.http().patch('/api/v1/me/preferences').set('Authorization', token).send({ locale: 'en-US' })).body,
    ).toEqual({ locale: 'en-US' });
    await t.http().patch('/api/v1/me/preferences').set('Authorization', token).send({ locale: 'en-US' }).expect(200);
    expect(await audits()).toBe(1);
    expect((await t.http().get('/api/v1/me').set('Authorization', token)).body.locale).toBe('en-US');
    expect((await t.http().patch('/api/v1/me/preferences').send({ locale: 'zh-CN' })).status).toBe(401);
  });
});
