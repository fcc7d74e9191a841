import { Queue } from 'bullmq';

import { AuditService } from '../../src/modules/audit';
import { CampaignsService } from '../../src/modules/needs';
import { creditCodeCheckChar } from '../../src/modules/organisations/domain/credit-code';
import { TendersService } from '../../src/modules/procurement';
import { DeskRegistry } from '../../src/platform/desk';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { categoryIdOfItem, MEAL_ATTRIBUTES, publishedVersionId } from '../factories/needs.factory';
import {
  activeLineId,
  approvedNeed,
  bidBody,
  deadlinePassed,
  mealItemId,
  PLAN,
  publishedTender,
} from '../factories/procurement.factory';
import { bearer, createTestApp, login, regionId, TestApp } from '../support/test-app';

interface Item {
  kind: string;
  count: number;
  ref: { type: string; id: number | string } | null;
  title: string | null;
  dueAt: string | null;
  dueRule: string | null;
  since: string | null;
  route: string | null;
  params?: Record<string, unknown>;
}
interface Desk {
  now: string;
  items: Item[];
  unavailable: string[];
}

const USERS = [
  'worker',
  'officer',
  'xw_officer',
  'finance',
  'orgmember',
  'orgmember2',
  'orgmember3',
  'xw_orgmember',
  'expert',
  'expert7',
  'evaluator',
  'auditor',
  'admin',
  'resident',
] as const;
type User = (typeof USERS)[number];

/** 24:00 Asia/Shanghai on 31 December of `year`, as the budget-year rule sets it. */
const yearEnd = (year: number) => `${year}-12-31T16:00:00.000Z`;
const iso = (d: unknown) => (d as Date).toISOString();

describe('the desk (首页工作台): what waits for each role, with its due date, scoped and sealed', () => {
  let t: TestApp;
  const as = {} as Record<User, string>;
  let serial = 0;
  let twoHats = '';

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of USERS) as[u] = await bearer(t, u);
    // one person wearing both hats: requests, and could approve others' requests — never their own
    const hats = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', as.admin)
      .send({
        username: `desk_hats_${Date.now().toString(36)}`,
        displayName: '工作台双岗',
        password: 'Desk@2026-hats',
        roles: ['PROCUREMENT_OFFICER', 'FINANCE_OFFICER'],
        regionId: await regionId(t.ds, '320106000000'),
      });
    expect(hats.status).toBe(201);
    twoHats = `Bearer ${(await login(t, hats.body.username, 'Desk@2026-hats')).accessToken}`;
  });
  afterAll(() => t.close());

  async function desk(user: User | string): Promise<Desk> {
    const token = user in as ? as[user as User] : user;
    const res = await t.http().get('/api/v1/desk').set('Authorization', token);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.body as Desk;
  }
  const find = (d: Desk, kind: string, id?: number | string) =>
    d.items.find((i) => i.kind === kind && (id === undefined || i.ref?.id === id));
  const refs = (d: Desk, type: string) => d.items.filter((i) => i.ref?.type === type).map((i) => i.ref?.id);
  /** The desk without its clock reading: what a user sees change or not. */
  const content = (d: Desk) => JSON.stringify(d.items);
  const row = async (sql: string, params: unknown[]) =>
    ((await t.ds.query(sql, params)) as Array<Record<string, unknown>>)[0];

  it('answers only a signed-in user; a resident has nothing on it (their home is the community needs page)', async () => {
    expect((await t.http().get('/api/v1/desk')).status).toBe(401);
    expect((await desk('resident')).items).toEqual([]);
  });

  it('community worker: the open campaign closing, needs to moderate by then, residents waiting for verification', async () => {
    const [campaign] = (await t.ds.query(
      "SELECT id, title, closes_at FROM campaigns WHERE title = '山西路社区年度需求征集'",
    )) as Array<{ id: number; title: string; closes_at: Date }>;
    const before = await desk('worker');
    expect(find(before, 'needs.campaign_closing', campaign.id)).toMatchObject({
      title: campaign.title,
      dueAt: iso(campaign.closes_at),
      dueRule: 'CAMPAIGN_CLOSES',
      route: '/campaigns',
    });
    const waitingBefore = find(before, 'needs.moderate', campaign.id)?.count ?? 0;
    const residentsBefore = find(before, 'identity.residents_verify')?.count ?? 0;

    const need = await t
      .http()
      .post('/api/v1/needs')
      .set('Authorization', as.resident)
      .send({
        campaignId: campaign.id,
        categoryId: await categoryIdOfItem(t.ds, 'A0101'),
        title: `工作台待审核需求${++serial}`,
        description: '测试',
        attributes: MEAL_ATTRIBUTES,
        location: '活动中心',
      });
    expect(need.status).toBe(201);
    const registered = await t
      .http()
      .post('/api/v1/auth/register')
      .send({
        phone: `139${String(Date.now()).slice(-8)}`,
        password: 'Desk@2026-new',
        displayName: '工作台新居民',
        communityId: await regionId(t.ds, '320106002001'),
      });
    expect(registered.status).toBe(201);

    const after = await desk('worker');
    expect(find(after, 'needs.moderate', campaign.id)).toMatchObject({
      count: waitingBefore + 1,
      title: campaign.title,
      dueAt: iso(campaign.closes_at),
      dueRule: 'CAMPAIGN_CLOSES',
      route: '/needs/moderation',
    });
    expect(find(after, 'identity.residents_verify')).toMatchObject({ count: residentsBefore + 1, route: '/residents' });

    await t.http().post(`/api/v1/needs/${need.body.id}/accept`).set('Authorization', as.worker).expect(200);
    expect(find(await desk('worker'), 'needs.moderate', campaign.id)?.count ?? 0).toBe(waitingBefore);
    // none of it is anybody else's work
    for (const other of ['officer', 'finance', 'resident'] as const)
      expect((await desk(other)).items.filter((i) => i.kind.startsWith('needs.'))).toEqual([]);
  });

  it('community worker: a closed campaign waits for its council decision until it is recorded', async () => {
    const now = Date.now();
    const created = await t
      .http()
      .post('/api/v1/campaigns')
      .set('Authorization', as.worker)
      .send({
        regionId: await regionId(t.ds, '320106002001'),
        title: `工作台议事征集${++serial}`,
        description: '测试',
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 3_600_000).toISOString(),
        supportsPerResident: 3,
        minSupportsToShortlist: 5,
        catalogueVersionId: await publishedVersionId(t.ds),
      });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const need = await t
      .http()
      .post('/api/v1/needs')
      .set('Authorization', as.resident)
      .send({
        campaignId: id,
        categoryId: await categoryIdOfItem(t.ds, 'A0101'),
        title: `工作台议事需求${serial}`,
        description: '测试',
        attributes: MEAL_ATTRIBUTES,
        location: '活动中心',
      });
    await t.http().post(`/api/v1/needs/${need.body.id}/accept`).set('Authorization', as.worker).expect(200);
    expect(find(await desk('worker'), 'needs.deliberation', id)).toBeUndefined();

    await t.ds.query('UPDATE campaigns SET closes_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [id]);
    await t.app.get(CampaignsService).tick(id);
    const closed = await row('SELECT status, closes_at FROM campaigns WHERE id = ?', [id]);
    expect(closed.status).toBe('CLOSED');
    expect(find(await desk('worker'), 'needs.deliberation', id)).toMatchObject({
      dueAt: null,
      since: iso(closed.closes_at),
      route: `/campaigns/${id}/deliberation`,
      params: { needs: 1 },
    });

    await t
      .http()
      .post(`/api/v1/campaigns/${id}/deliberations`)
      .set('Authorization', as.worker)
      .send({
        heldOn: new Date().toISOString().slice(0, 10),
        attendees: '居民代表 7 人',
        minutes: '议定不列入本年度',
        decisions: [{ needId: need.body.id, decision: 'DECLINED', reason: '已有同类服务' }],
      })
      .expect(201);
    expect(find(await desk('worker'), 'needs.deliberation', id)).toBeUndefined();
  });

  it("finance: its district's budget lines and adjustments to approve by the end of the budget year; not its own, not another district's", async () => {
    const line = async (token: string, code: string) => {
      const res = await t
        .http()
        .post('/api/v1/funds/lines')
        .set('Authorization', token)
        .send({
          year: 2027,
          regionId: await regionId(t.ds, code),
          source: 'DONATION',
          title: `工作台指标${++serial}`,
          amount: '5000.00',
        });
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    // another district's line: 秦淮区 (the funds tests count 玄武区's lines), by an officer of its own
    const qinhuai = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', as.admin)
      .send({
        username: `desk_qh_${Date.now().toString(36)}`,
        displayName: '工作台秦淮专员',
        password: 'Desk@2026-qinh',
        roles: ['PROCUREMENT_OFFICER'],
        regionId: await regionId(t.ds, '320104000000'),
      });
    expect(qinhuai.status).toBe(201);
    const qhOfficer = `Bearer ${(await login(t, qinhuai.body.username, 'Desk@2026-qinh')).accessToken}`;
    const gulou = await line(as.officer, '320106000000');
    const elsewhere = await line(qhOfficer, '320104000000');
    const own = await line(twoHats, '320106000000');
    const d = await desk('finance');
    expect(find(d, 'funds.line_approve', own)).toBeDefined();
    expect(find(await desk(twoHats), 'funds.line_approve', own)).toBeUndefined();
    expect(find(await desk(twoHats), 'funds.line_approve', gulou)).toBeDefined();
    expect(find(d, 'funds.line_approve', gulou)).toMatchObject({
      dueAt: yearEnd(2027),
      dueRule: 'BUDGET_YEAR_END',
      route: `/funds/lines/${gulou}`,
      params: { year: 2027, amountFen: '500000' },
    });
    expect(find(d, 'funds.line_approve', elsewhere)).toBeUndefined();
    expect(find(await desk('officer'), 'funds.line_approve', gulou)).toBeUndefined();

    const active = await activeLineId(t);
    const [{ year }] = (await t.ds.query('SELECT year FROM budget_lines WHERE id = ?', [active])) as Array<{
      year: number;
    }>;
    const adj = await t
      .http()
      .post(`/api/v1/funds/lines/${active}/adjustments`)
      .set('Authorization', twoHats)
      .send({ delta: '-100.00', reason: '工作台测试调减' });
    expect(adj.status).toBe(201);
    expect(find(await desk(twoHats), 'funds.adjustment_approve', adj.body.id)).toBeUndefined();
    expect(find(await desk('finance'), 'funds.adjustment_approve', adj.body.id)).toMatchObject({
      dueAt: yearEnd(year),
      dueRule: 'BUDGET_YEAR_END',
      route: `/funds/lines/${active}`,
      params: { deltaFen: '-10000' },
    });
    await t
      .http()
      .post(`/api/v1/funds/adjustments/${adj.body.id}/reject`)
      .set('Authorization', as.finance)
      .send({ reason: '调减依据不足' })
      .expect(200);
    expect(find(await desk('finance'), 'funds.adjustment_approve', adj.body.id)).toBeUndefined();
  });

  it("officer, then finance: a draft to submit, then a project to approve — and nothing of 鼓楼区 on the 玄武区 officer's desk", async () => {
    const lineId = await activeLineId(t);
    const [{ year }] = (await t.ds.query('SELECT year FROM budget_lines WHERE id = ?', [lineId])) as Array<{
      year: number;
    }>;
    const body = async (title: string) => ({
      title,
      regionId: await regionId(t.ds, '320106002001'),
      catalogueItemId: await mealItemId(t),
      needIds: [await approvedNeed(t, `${title}需求`)],
      quantity: 800,
      unitPrice: '12.50',
      budgetLineId: lineId,
      plan: PLAN,
    });
    const created = await t
      .http()
      .post('/api/v1/projects')
      .set('Authorization', as.officer)
      .send(await body(`工作台项目${++serial}`));
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect(find(await desk('officer'), 'procurement.project_draft', id)).toMatchObject({
      title: created.body.title,
      dueAt: yearEnd(year),
      dueRule: 'BUDGET_YEAR_END',
      route: `/procurement/projects/${id}`,
      params: { estimateFen: '1000000', returned: false },
    });
    expect(refs(await desk('xw_officer'), 'project')).not.toContain(id);
    expect(find(await desk('finance'), 'procurement.project_approve', id)).toBeUndefined();

    await t.http().post(`/api/v1/projects/${id}/submit`).set('Authorization', as.officer).expect(200);
    const submitted = await row('SELECT submitted_at FROM projects WHERE id = ?', [id]);
    expect(find(await desk('officer'), 'procurement.project_draft', id)).toBeUndefined();
    expect(find(await desk('finance'), 'procurement.project_approve', id)).toMatchObject({
      dueAt: yearEnd(year),
      dueRule: 'BUDGET_YEAR_END',
      since: iso(submitted.submitted_at),
    });
    // separation of duties: whoever drafted a project never finds it among their approvals
    const own = await t
      .http()
      .post('/api/v1/projects')
      .set('Authorization', twoHats)
      .send(await body(`工作台自拟项目${serial}`));
    expect(own.status).toBe(201);
    await t.http().post(`/api/v1/projects/${own.body.id}/submit`).set('Authorization', twoHats).expect(200);
    expect(find(await desk(twoHats), 'procurement.project_approve', own.body.id)).toBeUndefined();
    expect(find(await desk(twoHats), 'procurement.project_approve', id)).toBeDefined();
    expect(find(await desk('finance'), 'procurement.project_approve', own.body.id)).toBeDefined();
    await t
      .http()
      .post(`/api/v1/projects/${id}/return`)
      .set('Authorization', as.finance)
      .send({ reason: '请补充服务方案' })
      .expect(200);
    expect(find(await desk('officer'), 'procurement.project_draft', id)?.params).toMatchObject({ returned: true });
  });

  it('organisation members: open calls they may bid on, due at the bid deadline; the officer: questions to answer by then', async () => {
    const id = await publishedTender(t, `工作台公告${++serial}`);
    const tender = await row('SELECT title, bid_deadline, published_at FROM tenders WHERE id = ?', [id]);
    for (const member of ['orgmember', 'orgmember2', 'orgmember3'] as const)
      expect(find(await desk(member), 'procurement.call_open', id)).toMatchObject({
        title: tender.title,
        dueAt: iso(tender.bid_deadline),
        dueRule: 'BID_DEADLINE',
        since: iso(tender.published_at),
        route: `/procurement/calls/${id}`,
        params: { method: 'OPEN_TENDER', interested: false },
      });
    // 同心社工 is registered in 玄武区: not eligible for a 鼓楼区 call, so not on its desk
    expect(find(await desk('xw_orgmember'), 'procurement.call_open', id)).toBeUndefined();
    expect(find(await desk('expert'), 'procurement.call_open', id)).toBeUndefined();

    await t
      .http()
      .post(`/api/v1/tenders/${id}/questions`)
      .set('Authorization', as.orgmember2)
      .send({ question: '送餐范围是否包括颐和路社区？' })
      .expect(200);
    expect(find(await desk('orgmember2'), 'procurement.call_open', id)?.params).toMatchObject({ interested: true });
    const question = find(await desk('officer'), 'procurement.question_answer', id);
    expect(question).toMatchObject({ count: 1, dueAt: iso(tender.bid_deadline), dueRule: 'BID_DEADLINE' });
    expect(JSON.stringify(question)).not.toMatch(/邻里|orgmember2/);
    expect(find(await desk('xw_officer'), 'procurement.question_answer', id)).toBeUndefined();
  });

  it('keeps bids sealed: a bid changes nobody’s desk but its bidder’s, and an amendment asks that bidder to re-confirm', async () => {
    const id = await publishedTender(t, `工作台密封${++serial}`);
    const observers = ['officer', 'finance', 'auditor', 'orgmember2', 'orgmember3', 'expert', 'admin'] as const;
    const before = await Promise.all(observers.map((u) => desk(u).then(content)));

    const bid = await t
      .http()
      .put(`/api/v1/tenders/${id}/my-bid`)
      .set('Authorization', as.orgmember)
      .send(bidBody('9000.00'));
    expect(bid.status).toBe(200);
    expect(await Promise.all(observers.map((u) => desk(u).then(content)))).toEqual(before);
    // the bidder's own call leaves its list of calls to bid on
    expect(find(await desk('orgmember'), 'procurement.call_open', id)).toBeUndefined();

    await t
      .http()
      .post(`/api/v1/tenders/${id}/amendments`)
      .set('Authorization', as.officer)
      .send({ body: '服务时间调整为每周一至周日。', affectsPreparation: true })
      .expect(200);
    const tender = await row('SELECT bid_deadline FROM tenders WHERE id = ?', [id]);
    expect(find(await desk('orgmember'), 'procurement.bid_reconfirm', id)).toMatchObject({
      dueAt: iso(tender.bid_deadline),
      dueRule: 'BID_DEADLINE',
      route: `/procurement/calls/${id}`,
    });
    expect(find(await desk('orgmember2'), 'procurement.bid_reconfirm', id)).toBeUndefined();
    await t.http().post(`/api/v1/tenders/${id}/my-bid/reconfirm`).set('Authorization', as.orgmember).expect(200);
    expect(find(await desk('orgmember'), 'procurement.bid_reconfirm', id)).toBeUndefined();
  });

  it('through opening, scoring, award and objection: each step is on the desk of whoever must take it, with its legal due date', async () => {
    const id = await publishedTender(t, `工作台评标${++serial}`);
    const bidIds: string[] = [];
    for (const [user, price] of [
      ['orgmember', '9000.00'],
      ['orgmember2', '8500.00'],
      ['orgmember3', '9500.00'],
    ] as const)
      bidIds.push(
        (await t.http().put(`/api/v1/tenders/${id}/my-bid`).set('Authorization', as[user]).send(bidBody(price))).body
          .bidId,
      );
    await deadlinePassed(t, id);
    await t.app.get(TendersService).deadlineTick(id);
    const opened = await row('SELECT status, opened_at FROM tenders WHERE id = ?', [id]);
    expect(opened.status).toBe('OPENED');
    expect(find(await desk('officer'), 'procurement.tender_qualify', id)).toMatchObject({
      dueAt: null,
      since: iso(opened.opened_at),
      route: `/procurement/tenders/${id}`,
    });
    expect(find(await desk('xw_officer'), 'procurement.tender_qualify', id)).toBeUndefined();

    await t
      .http()
      .post(`/api/v1/tenders/${id}/qualification`)
      .set('Authorization', as.officer)
      .send({ decisions: bidIds.map((bidId) => ({ bidId, qualified: true })) })
      .expect(204);
    await t.http().post(`/api/v1/tenders/${id}/committee/draw`).set('Authorization', as.officer).send({}).expect(200);
    expect(find(await desk('officer'), 'procurement.tender_qualify', id)).toBeUndefined();
    const members = (await t.ds.query(
      'SELECT u.username, c.drawn_at FROM committee_members c JOIN users u ON u.id = c.expert_id WHERE c.tender_id = ?',
      [id],
    )) as Array<{ username: string; drawn_at: Date }>;
    expect(members).toHaveLength(5);
    const tokens = await Promise.all(members.map((m) => bearer(t, m.username)));
    for (const [i, m] of members.entries())
      expect(find(await desk(tokens[i]), 'procurement.scoring', id)).toMatchObject({
        dueAt: null,
        since: iso(m.drawn_at),
        route: `/procurement/reviews/${id}`,
        params: { round: 1, seat: 'EXPERT' },
      });
    // 韩专家 worked for a bidder: never drawn, nothing to score
    expect(find(await desk('expert7'), 'procurement.scoring', id)).toBeUndefined();

    for (const [i, token] of tokens.entries()) {
      await t
        .http()
        .put(`/api/v1/tenders/${id}/my-scores`)
        .set('Authorization', token)
        .send({ sheets: bidIds.map((bidId, k) => ({ bidId, scores: { PLAN: String(30 + k), TEAM: '20' } })) })
        .expect(200);
      expect(find(await desk(token), 'procurement.scoring', id)).toBeUndefined();
      if (i < tokens.length - 1) expect(find(await desk('officer'), 'procurement.award_confirm', id)).toBeUndefined();
    }
    const recommended = await row('SELECT status, report_at, confirmation_due_at FROM tenders WHERE id = ?', [id]);
    expect(recommended.status).toBe('RECOMMENDED');
    expect(find(await desk('officer'), 'procurement.award_confirm', id)).toMatchObject({
      dueAt: iso(recommended.confirmation_due_at),
      dueRule: 'AWARD_CONFIRMATION',
      since: iso(recommended.report_at),
    });
    expect(find(await desk('xw_officer'), 'procurement.award_confirm', id)).toBeUndefined();

    await t.http().post(`/api/v1/tenders/${id}/award`).set('Authorization', as.officer).send({}).expect(200);
    const notice = await row('SELECT objection_window_ends_at, award_notice_at FROM tenders WHERE id = ?', [id]);
    expect(find(await desk('officer'), 'procurement.award_confirm', id)).toBeUndefined();
    for (const [member, winner] of [
      ['orgmember', false],
      ['orgmember2', true],
      ['orgmember3', false],
    ] as const)
      expect(find(await desk(member), 'procurement.objection_window', id)).toMatchObject({
        dueAt: iso(notice.objection_window_ends_at),
        dueRule: 'OBJECTION_WINDOW',
        since: iso(notice.award_notice_at),
        params: { winner },
      });
    expect(find(await desk('xw_orgmember'), 'procurement.objection_window', id)).toBeUndefined();

    const objection = await t
      .http()
      .post(`/api/v1/tenders/${id}/objections`)
      .set('Authorization', as.orgmember)
      .send({ grounds: '技术评分与评分细则不一致，请复核。' });
    expect(objection.status).toBe(201);
    const filed = await row('SELECT answer_due_at, filed_at FROM objections WHERE id = ?', [objection.body.id]);
    expect(find(await desk('officer'), 'procurement.objection_answer', objection.body.id)).toMatchObject({
      dueAt: iso(filed.answer_due_at),
      dueRule: 'OBJECTION_ANSWER',
      since: iso(filed.filed_at),
      route: `/procurement/tenders/${id}`,
      params: { status: 'FILED', tenderId: id },
    });
    expect(find(await desk('xw_officer'), 'procurement.objection_answer', objection.body.id)).toBeUndefined();
    expect(find(await desk('orgmember'), 'procurement.objection_pending', objection.body.id)).toMatchObject({
      dueAt: iso(filed.answer_due_at),
      dueRule: 'OBJECTION_ANSWER',
    });
    expect(refs(await desk('orgmember2'), 'objection')).not.toContain(objection.body.id);

    await t.http().post(`/api/v1/objections/${objection.body.id}/review`).set('Authorization', as.officer).expect(200);
    await t
      .http()
      .post(`/api/v1/objections/${objection.body.id}/answer`)
      .set('Authorization', as.officer)
      .send({ outcome: 'DISMISSED', answer: '经复核，评分符合评分细则。' })
      .expect(200);
    expect(find(await desk('officer'), 'procurement.objection_answer', objection.body.id)).toBeUndefined();
    const answered = await row('SELECT answered_at FROM objections WHERE id = ?', [objection.body.id]);
    expect(find(await desk('orgmember'), 'procurement.objection_answered', objection.body.id)).toMatchObject({
      dueAt: null,
      since: iso(answered.answered_at),
      params: { status: 'DISMISSED' },
    });
  });

  it("officer: registrations to review in its district; the new organisation's member sees its status", async () => {
    serial++;
    const first17 = `52320106MJ${`${Date.now().toString(36).toUpperCase()}${serial}`
      .replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')
      .slice(-7)
      .padStart(7, '0')}`;
    const username = `desk_org_${Date.now().toString(36)}`;
    const res = await t
      .http()
      .post('/api/v1/organisations/register')
      .send({
        name: `南京市鼓楼区工作台社会工作服务中心${serial}`,
        kind: 'SOCIAL_ORGANISATION',
        orgType: 'SOCIAL_SERVICE_AGENCY',
        creditCode: first17 + creditCodeCheckChar(first17),
        regionId: await regionId(t.ds, '320106000000'),
        legalRepresentative: '周明',
        contactPhone: '025-83000000',
        serviceRegionIds: [await regionId(t.ds, '320106000000')],
        username,
        displayName: '周明',
        password: 'Lexin@2026-reg',
      });
    expect(res.status).toBe(201);
    const id = res.body.organisationId as number;
    expect(find(await desk('officer'), 'organisations.review', id)).toMatchObject({
      route: `/organisations/${id}`,
      params: { organisationKind: 'SOCIAL_ORGANISATION' },
    });
    expect(find(await desk('xw_officer'), 'organisations.review', id)).toBeUndefined();
    const member = `Bearer ${(await login(t, username, 'Lexin@2026-reg')).accessToken}`;
    expect(find(await desk(member), 'organisations.status', id)).toMatchObject({
      dueAt: null,
      route: '/my/organisation',
      params: { status: 'PENDING_REVIEW' },
    });
  });

  it("evaluator: its agency's grade to renew, due at 24:00 Beijing time of its last valid day", async () => {
    const [{ organisation_id: agency }] = (await t.ds.query(
      "SELECT organisation_id FROM users WHERE username = 'evaluator'",
    )) as Array<{ organisation_id: number }>;
    const before = await row('SELECT grade_expires_on FROM organisations WHERE id = ?', [agency]);
    try {
      await t.ds.query(
        'UPDATE organisations SET grade_expires_on = ?, grade_decided_at = UTC_TIMESTAMP(3) WHERE id = ?',
        ['2099-12-31', agency],
      );
      expect(find(await desk('evaluator'), 'organisations.grade_expiry')).toBeUndefined();
      await t.ds.query(
        "UPDATE organisations SET grade_expires_on = DATE(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+08:00')) + INTERVAL 30 DAY, grade_decided_at = UTC_TIMESTAMP(3) + INTERVAL 1 SECOND WHERE id = ?",
        [agency],
      );
      const [{ last }] = (await t.ds.query(
        "SELECT DATE_FORMAT(grade_expires_on, '%Y-%m-%d') AS last FROM organisations WHERE id = ?",
        [agency],
      )) as Array<{ last: string }>;
      const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000 - 8 * 3_600_000).toISOString();
      expect(find(await desk('evaluator'), 'organisations.grade_expiry', agency)).toMatchObject({
        dueAt: next,
        dueRule: 'GRADE_EXPIRES',
        route: '/my/organisation',
        params: { grade: '5A', expired: false },
      });
      expect(next.endsWith('T16:00:00.000Z')).toBe(true);
    } finally {
      await t.ds.query(
        'UPDATE organisations SET grade_expires_on = ?, grade_decided_at = UTC_TIMESTAMP(3) + INTERVAL 2 SECOND WHERE id = ?',
        [before.grade_expires_on, agency],
      );
    }
  });

  it("auditor: the chain's head — its sequence number and the time of its last event — its last verification and latest checkpoint", async () => {
    const d = await desk('auditor');
    const state = await t.app.get(AuditService).chainState();
    const head = await row(
      'SELECT h.last_seq, e.occurred_at FROM audit_chain_head h JOIN audit_events e ON e.seq = h.last_seq WHERE h.id = 1',
      [],
    );
    expect(find(d, 'audit.chain')).toEqual({
      kind: 'audit.chain',
      count: 1,
      ref: null,
      title: null,
      dueAt: null,
      dueRule: null,
      since: iso(head.occurred_at),
      route: '/audit',
      params: {
        headSeq: Number(head.last_seq),
        lastVerifiedAt: state.lastVerification?.at ?? null,
        lastVerifiedOk: state.lastVerification?.ok ?? null,
        lastCheckpointSeq: state.lastCheckpoint?.seq ?? null,
        lastCheckpointAt: state.lastCheckpoint?.at ?? null,
        unanchoredEvents: Number(head.last_seq) - (state.lastCheckpoint?.seq ?? 0),
      },
    });
    expect(find(await desk('officer'), 'audit.chain')).toBeUndefined();
  });

  it('administrator: locked accounts (due when the lock ends), disabled ones, and a queue nobody takes jobs from', async () => {
    const username = `desk_locked_${Date.now().toString(36)}`;
    const created = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', as.admin)
      .send({
        username,
        displayName: '工作台锁定测试',
        password: 'Desk@2026-lock',
        roles: ['COMMUNITY_WORKER'],
        regionId: await regionId(t.ds, '320106002001'),
      });
    expect(created.status).toBe(201);
    for (let i = 0; i < 5; i++)
      await t.http().post('/api/v1/auth/login').send({ username, password: 'wrong-password' });
    const locked = await row('SELECT locked_until FROM users WHERE id = ?', [created.body.id]);
    expect(locked.locked_until).not.toBeNull();
    const disabledBefore = find(await desk('admin'), 'identity.accounts_disabled')?.count ?? 0;
    const second = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', as.admin)
      .send({
        username: `${username}_off`,
        displayName: '工作台停用测试',
        password: 'Desk@2026-lock',
        roles: ['COMMUNITY_WORKER'],
        regionId: await regionId(t.ds, '320106002001'),
      });
    await t.http().post(`/api/v1/users/${second.body.id}/disable`).set('Authorization', as.admin).expect(200);

    const queue: Queue = t.app.get(Deadlines).queue(QUEUES.IDENTITY);
    // a job that was due two minutes ago and that no worker has taken (none runs in this test)
    const stale = await queue.add('desk-test-stale', {}, { timestamp: Date.now() - 120_000 });
    try {
      const d = await desk('admin');
      expect(find(d, 'identity.account_locked', created.body.id)).toMatchObject({
        title: '工作台锁定测试',
        dueAt: iso(locked.locked_until),
        dueRule: 'LOCK_ENDS',
        route: '/admin/users',
        params: { username },
      });
      expect(find(d, 'identity.accounts_disabled')?.count).toBe(disabledBefore + 1);
      expect(find(d, 'queues.attention', QUEUES.IDENTITY)?.params).toMatchObject({
        queue: QUEUES.IDENTITY,
        stuck: expect.any(Number),
      });
      expect(Number(find(d, 'queues.attention', QUEUES.IDENTITY)?.params?.stuck)).toBeGreaterThanOrEqual(1);
      // an officer may read users but does not manage them: none of this is on its desk
      const o = await desk('officer');
      expect(o.items.filter((i) => i.kind.startsWith('identity.account') || i.kind.startsWith('queues.'))).toEqual([]);
    } finally {
      await stale.remove();
    }
  });

  it('leaves out, and names, an area that fails — the rest of the desk still shows', async () => {
    const registry = t.app.get(DeskRegistry);
    registry.register({
      area: 'broken',
      items: () => Promise.reject(new Error('the area is down')),
    });
    const d = await desk('worker');
    expect(d.unavailable).toEqual(['broken']);
    expect(d.items.some((i) => i.kind === 'needs.campaign_closing')).toBe(true);
  });
});
