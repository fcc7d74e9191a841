import type { Response } from 'supertest';

import { TendersService } from '../../src/modules/procurement';
import { categoryIdOfItem, MEAL_ATTRIBUTES } from '../factories/needs.factory';
import {
  activeLineId,
  approvedNeed,
  bidBody,
  deadlineIn,
  mealItemId,
  PLAN,
  publishedTender,
  sleep,
} from '../factories/procurement.factory';
import { bearer, count, createTestApp, regionId, TestApp } from '../support/test-app';

/**
 * Every decision that refuses, returns, reverses, dismisses or cancels something carries a reason that the
 * other side reads. Each endpoint refuses a missing, blank ("   ") or one-character reason with a 400 naming the
 * field, changes nothing (the record's status and the audit trail stay as they were), and with a reason does the
 * transition and keeps the reason where it is shown.
 */
describe('decisions that refuse, return, reverse, dismiss or cancel require a reason', () => {
  let t: TestApp;
  const as: Record<string, string> = {};
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['resident', 'worker', 'officer', 'finance', 'orgmember', 'orgmember2', 'orgmember3'])
      as[u] = await bearer(t, u);
  });
  afterAll(() => t.close());

  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T> =>
    ((await t.ds.query(sql, params)) as T[])[0];

  /**
   * Sends `body` without the reason, with a blank one and with one character: each is a 400 problem whose
   * `errors[]` names `field`, and `state()` plus the number of audit events are the same afterwards.
   */
  async function refusesWithoutReason(
    send: (body: Record<string, unknown>) => Promise<Response>,
    body: Record<string, unknown>,
    field: string,
    state: () => Promise<unknown>,
  ): Promise<void> {
    const leaf = field
      .split('.')
      .pop()!
      .replace(/\[\d+\]$/, '');
    const before = [await state(), await count(t.ds, 'audit_events')];
    for (const reason of [undefined, '   ', '无']) {
      const res = await send(withReason(body, field, reason));
      expect({ reason, status: res.status }).toEqual({ reason, status: 400 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
      expect(JSON.stringify(res.body.errors)).toContain(leaf);
    }
    expect([await state(), await count(t.ds, 'audit_events')]).toEqual(before);
  }

  /** A copy of `body` with the (possibly nested, e.g. `decisions[0].reason`) field set, or removed when undefined. */
  function withReason(body: Record<string, unknown>, field: string, reason: string | undefined) {
    const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
    const path = field.split(/\.|\[|\]/).filter(Boolean);
    let node = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = path[path.length - 1];
    if (reason === undefined) delete node[last];
    else node[last] = reason;
    return copy;
  }

  it('rejecting a need: the note the resident reads', async () => {
    const [campaign] = await t.ds.query("SELECT id FROM campaigns WHERE status = 'OPEN' ORDER BY id LIMIT 1");
    const n = await t
      .http()
      .post('/api/v1/needs')
      .set('Authorization', as.resident)
      .send({
        campaignId: campaign.id,
        categoryId: await categoryIdOfItem(t.ds, 'A0101'),
        title: `理由测试需求${++seq}`,
        description: '需要驳回的需求',
        attributes: MEAL_ATTRIBUTES,
        location: '活动中心',
      });
    expect(n.status).toBe(201);
    const id = n.body.id as number;
    const reject = (body: Record<string, unknown>) =>
      t.http().post(`/api/v1/needs/${id}/reject`).set('Authorization', as.worker).send(body);
    await refusesWithoutReason(reject, { reason: 'OUT_OF_SCOPE', note: 'x' }, 'note', () =>
      one('SELECT status FROM needs WHERE id = ?', [id]),
    );
    const ok = await reject({ reason: 'OUT_OF_SCOPE', note: '  不属于本社区服务范围  ' });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('REJECTED');
    const event = await one<{ note: string }>(
      "SELECT note FROM need_events WHERE need_id = ? AND to_status = 'REJECTED'",
      [id],
    );
    expect(event.note).toContain('不属于本社区服务范围');
    expect(event.note).not.toContain('  不属于'); // trimmed before it is stored
  });

  it('a council decision (approving or declining a need) gives its reason', async () => {
    const [campaign] = await t.ds.query("SELECT id FROM campaigns WHERE status = 'OPEN' ORDER BY id LIMIT 1");
    const [need] = await t.ds.query("SELECT id FROM needs WHERE campaign_id = ? AND status = 'ACCEPTED' LIMIT 1", [
      campaign.id,
    ]);
    const record = (body: Record<string, unknown>) =>
      t.http().post(`/api/v1/campaigns/${campaign.id}/deliberations`).set('Authorization', as.worker).send(body);
    await refusesWithoutReason(
      record,
      {
        heldOn: '2026-12-05',
        attendees: '居民代表 12 人',
        minutes: '讨论了社区需求。',
        decisions: [{ needId: need.id, decision: 'DECLINED', reason: 'x' }],
      },
      'decisions[0].reason',
      () => Promise.all([count(t.ds, 'deliberations'), one('SELECT status FROM needs WHERE id = ?', [need.id])]),
    );
  });

  it('returning an organisation’s registration for changes', async () => {
    const gulou = await regionId(t.ds, '320106000000');
    const code = `5232010600R${Date.now().toString(36).toUpperCase()}`.slice(0, 17).padEnd(17, '0') + 'X';
    const org = (await t.ds.query(
      `INSERT INTO organisations (name, kind, credit_code, region_id, created_at, org_type, status, updated_at)
       VALUES (?, 'SOCIAL_ORGANISATION', ?, ?, UTC_TIMESTAMP(3), 'SOCIAL_SERVICE_AGENCY', 'PENDING_REVIEW', UTC_TIMESTAMP(3))`,
      [`理由测试社工中心${++seq}`, code, gulou],
    )) as { insertId: number };
    const id = org.insertId;
    const back = (body: Record<string, unknown>) =>
      t.http().post(`/api/v1/organisations/${id}/return`).set('Authorization', as.officer).send(body);
    await refusesWithoutReason(back, {}, 'reason', () => one('SELECT status FROM organisations WHERE id = ?', [id]));
    const ok = await back({ reason: '登记证书扫描件不清晰，请重新上传' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'RETURNED', statusReason: '登记证书扫描件不清晰，请重新上传' });
  });

  describe('funds', () => {
    let lineId = 0;
    let entryId = '';

    beforeAll(async () => {
      const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
      const line = await t
        .http()
        .post('/api/v1/funds/lines')
        .set('Authorization', as.officer)
        .send({
          year,
          regionId: await regionId(t.ds, '320106000000'),
          source: 'DONATION',
          title: `理由测试捐赠资金${Date.now()}`,
          amount: '5000.00',
        });
      expect(line.status).toBe(201);
      lineId = line.body.id as number;
    });

    it('rejecting a budget line: the reason is its decision note', async () => {
      const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
      const pending = await t
        .http()
        .post('/api/v1/funds/lines')
        .set('Authorization', as.officer)
        .send({
          year,
          regionId: await regionId(t.ds, '320106000000'),
          source: 'DONATION',
          title: `理由测试驳回资金${Date.now()}`,
          amount: '800.00',
        });
      const id = pending.body.id as number;
      const reject = (body: Record<string, unknown>) =>
        t.http().post(`/api/v1/funds/lines/${id}/reject`).set('Authorization', as.finance).send(body);
      await refusesWithoutReason(reject, {}, 'reason', () =>
        one('SELECT status, decision_note FROM budget_lines WHERE id = ?', [id]),
      );
      const ok = await reject({ reason: '与年度预算安排不符' });
      expect(ok.status).toBe(200);
      expect(await one('SELECT status, decision_note FROM budget_lines WHERE id = ?', [id])).toEqual({
        status: 'REJECTED',
        decision_note: '与年度预算安排不符',
      });
    });

    it('rejecting a budget adjustment: the reason is kept and returned', async () => {
      const approve = await t
        .http()
        .post(`/api/v1/funds/lines/${lineId}/approve`)
        .set('Authorization', as.finance)
        .send({});
      expect(approve.status).toBe(200);
      const adj = await t
        .http()
        .post(`/api/v1/funds/lines/${lineId}/adjustments`)
        .set('Authorization', as.officer)
        .send({ delta: '1000.00', reason: '追加捐赠' });
      expect(adj.status).toBe(201);
      const id = adj.body.id as number;
      const reject = (body: Record<string, unknown>) =>
        t.http().post(`/api/v1/funds/adjustments/${id}/reject`).set('Authorization', as.finance).send(body);
      await refusesWithoutReason(reject, {}, 'reason', () =>
        one('SELECT status, decision_note FROM budget_adjustments WHERE id = ?', [id]),
      );
      const ok = await reject({ reason: '捐赠协议尚未签订' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'REJECTED', decisionNote: '捐赠协议尚未签订' });
      const listed = await t.http().get(`/api/v1/funds/lines/${lineId}/adjustments`).set('Authorization', as.officer);
      expect(listed.body.find((a: { id: number }) => a.id === id)).toMatchObject({ decisionNote: '捐赠协议尚未签订' });
    });

    it('an adjustment request itself gives its reason', async () => {
      const ask = (body: Record<string, unknown>) =>
        t.http().post(`/api/v1/funds/lines/${lineId}/adjustments`).set('Authorization', as.officer).send(body);
      await refusesWithoutReason(ask, { delta: '100.00' }, 'reason', () => count(t.ds, 'budget_adjustments'));
    });

    it('reversing a ledger entry: the memo says why', async () => {
      const entry = await one<{ id: string }>(
        "SELECT CAST(id AS CHAR) AS id FROM ledger_entries WHERE line_id = ? AND operation = 'ALLOCATE' ORDER BY id LIMIT 1",
        [lineId],
      );
      entryId = entry.id;
      const key = `reason-test-${Date.now()}`;
      const reverse = (body: Record<string, unknown>) =>
        t.http().post(`/api/v1/funds/entries/${entryId}/reverse`).set('Authorization', as.finance).send(body);
      await refusesWithoutReason(reverse, { idempotencyKey: key }, 'memo', () =>
        Promise.all([
          count(t.ds, 'ledger_entries'),
          one('SELECT available_fen FROM budget_lines WHERE id = ?', [lineId]),
        ]),
      );
      const ok = await reverse({ idempotencyKey: key, memo: '批复金额录入错误' });
      expect(ok.status).toBe(201);
      const reversal = await one<{ memo: string }>('SELECT memo FROM ledger_entries WHERE reverses_entry_id = ?', [
        entryId,
      ]);
      expect(reversal.memo).toContain('批复金额录入错误');
    });
  });

  describe('procurement', () => {
    async function submittedProject(title: string): Promise<number> {
      const p = await t
        .http()
        .post('/api/v1/projects')
        .set('Authorization', as.officer)
        .send({
          title,
          regionId: await regionId(t.ds, '320106002001'),
          catalogueItemId: await mealItemId(t),
          needIds: [await approvedNeed(t, `${title}需求`)],
          quantity: 800,
          unitPrice: '12.50',
          budgetLineId: await activeLineId(t),
          plan: PLAN,
        });
      expect(p.status).toBe(201);
      await t.http().post(`/api/v1/projects/${p.body.id}/submit`).set('Authorization', as.officer).expect(200);
      return p.body.id as number;
    }

    it('returning a submitted project to its drafter', async () => {
      const id = await submittedProject('理由测试退回项目');
      const back = (body: Record<string, unknown>) =>
        t.http().post(`/api/v1/projects/${id}/return`).set('Authorization', as.finance).send(body);
      await refusesWithoutReason(back, {}, 'reason', () => one('SELECT status FROM projects WHERE id = ?', [id]));
      const ok = await back({ reason: '预算明细与测算不一致' });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('DRAFT');
    });

    it('cancelling a project', async () => {
      const id = await submittedProject('理由测试取消项目');
      const cancel = (body: Record<string, unknown>) =>
        t.http().post(`/api/v1/projects/${id}/cancel`).set('Authorization', as.officer).send(body);
      await refusesWithoutReason(cancel, {}, 'reason', () => one('SELECT status FROM projects WHERE id = ?', [id]));
      expect((await cancel({ reason: '需求已由其他项目覆盖' })).status).toBe(200);
    });

    it('cancelling a published tender', async () => {
      const id = await publishedTender(t, '理由测试取消公告');
      const cancel = (body: Record<string, unknown>) =>
        t.http().post(`/api/v1/tenders/${id}/cancel`).set('Authorization', as.officer).send(body);
      await refusesWithoutReason(cancel, {}, 'reason', () => one('SELECT status FROM tenders WHERE id = ?', [id]));
      const ok = await cancel({ reason: '采购需求发生重大变化' });
      expect(ok.status).toBe(200);
      expect(ok.body.status).toBe('CANCELLED');
    });

    it('disqualifying a bid at opening, and dismissing an objection to the award', async () => {
      const tenders = t.app.get(TendersService);
      const id = await publishedTender(t, '理由测试质疑', { method: 'COMPETITIVE_CONSULTATION', committeeSize: 3 });
      const bids: string[] = [];
      for (const [u, price] of [
        ['orgmember', '9000.00'],
        ['orgmember2', '8500.00'],
        ['orgmember3', '9500.00'],
      ]) {
        const b = await t.http().put(`/api/v1/tenders/${id}/my-bid`).set('Authorization', as[u]).send(bidBody(price));
        expect(b.status).toBe(200);
        bids.push(b.body.bidId as string);
      }
      await deadlineIn(t, id, 0.05);
      await sleep(120);
      expect((await tenders.deadlineTick(id)).result).not.toBe('NOT_DUE');

      const qualify = (body: Record<string, unknown>) =>
        t.http().post(`/api/v1/tenders/${id}/qualification`).set('Authorization', as.officer).send(body);
      const decisions = bids.map((bidId, i) => ({ bidId, qualified: i !== 2, ...(i === 2 ? { reason: 'x' } : {}) }));
      await refusesWithoutReason(qualify, { decisions }, 'decisions[2].reason', () =>
        t.ds.query('SELECT id, status FROM bids WHERE tender_id = ? ORDER BY id', [id]),
      );
      decisions[2] = { bidId: bids[2], qualified: true };
      expect((await qualify({ decisions })).status).toBe(204);

      expect(
        (await t.http().post(`/api/v1/tenders/${id}/committee/draw`).set('Authorization', as.officer)).status,
      ).toBe(200);
      const members = (await t.ds.query(
        'SELECT u.username FROM committee_members c JOIN users u ON u.id = c.expert_id WHERE c.tender_id = ?',
        [id],
      )) as Array<{ username: string }>;
      for (const m of members) {
        const sheets = bids.map((bidId) => ({ bidId, scores: { PLAN: '30', TEAM: '20' } }));
        const s = await t
          .http()
          .put(`/api/v1/tenders/${id}/my-scores`)
          .set('Authorization', await bearer(t, m.username))
          .send({ sheets });
        expect(s.status).toBe(200);
      }
      expect(
        (await t.http().post(`/api/v1/tenders/${id}/award`).set('Authorization', as.officer).send({})).status,
      ).toBe(200);
      const objection = await t
        .http()
        .post(`/api/v1/tenders/${id}/objections`)
        .set('Authorization', as.orgmember)
        .send({ grounds: '评分标准执行不一致，请复核技术分。' });
      expect(objection.status).toBe(201);
      const oid = objection.body.id as number;
      await t.http().post(`/api/v1/objections/${oid}/review`).set('Authorization', as.officer).expect(200);

      const answer = (body: Record<string, unknown>) =>
        t.http().post(`/api/v1/objections/${oid}/answer`).set('Authorization', as.officer).send(body);
      await refusesWithoutReason(answer, { outcome: 'DISMISSED' }, 'answer', () =>
        one('SELECT status FROM objections WHERE id = ?', [oid]),
      );
      const ok = await answer({ outcome: 'DISMISSED', answer: '经复核，评分符合评分细则。' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'DISMISSED', answer: '经复核，评分符合评分细则。' });
    });
  });
});
