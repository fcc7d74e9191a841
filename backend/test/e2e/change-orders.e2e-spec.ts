import { contractFixture, dualRoleUser, lineBalances, payPart } from '../factories/contracts-changes.factory';
import { approvedNeed } from '../factories/procurement.factory';
import { bearer, createTestApp, TestApp, userId } from '../support/test-app';

/**
 * 补充合同 and 合同终止 over HTTP on the real MariaDB/Redis: the 10 % cap at its boundary and under concurrent
 * approvals, the budget line that cannot afford it, separation of duties, the exact release of a termination, the
 * breach on the record, illegal transitions and the district boundary.
 */
describe('change orders and termination (HTTP)', () => {
  let t: TestApp;
  let officer: string;
  let finance: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await bearer(t, 'officer');
    finance = await bearer(t, 'finance');
  }, 120_000);
  afterAll(() => t.close());

  const body = (amount: string, extra: Record<string, unknown> = {}) => ({
    scope: '增加周末送餐服务',
    amount,
    reason: '服务对象增加',
    milestoneTitle: '周末送餐',
    milestoneDueDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
    ...extra,
  });

  async function propose(contractId: number, amount: string, as = officer): Promise<number> {
    const res = await t
      .http()
      .post(`/api/v1/contracts/${contractId}/change-orders`)
      .set('Authorization', as)
      .send(body(amount));
    if (res.status !== 201) throw new Error(`propose ${amount}: ${res.status} ${JSON.stringify(res.body)}`);
    expect(res.body).toMatchObject({ status: 'PROPOSED', amount });
    return res.body.id as number;
  }

  const approve = (id: number, as = finance) =>
    t.http().post(`/api/v1/change-orders/${id}/approve`).set('Authorization', as).send({});

  async function changesFen(contractId: number): Promise<bigint> {
    const [c] = (await t.ds.query('SELECT changes_fen FROM contracts WHERE id = ?', [contractId])) as Array<{
      changes_fen: string;
    }>;
    return BigInt(c.changes_fen);
  }

  it('lets change orders reach exactly 10.00 % of the original amount and refuses one fen more', async () => {
    const f = await contractFixture(t, '补充合同上限');
    const before = await lineBalances(t, f.lineId);
    const a = await propose(f.contractId, '20000.00');
    expect((await approve(a)).status).toBe(200);
    const b = await propose(f.contractId, '11000.00');
    const approved = await approve(b);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', amount: '11000.00' });
    expect(approved.body.milestoneId).toEqual(expect.any(Number));
    expect(await changesFen(f.contractId)).toBe(3_100_000n);

    const after = await lineBalances(t, f.lineId);
    expect(after.committed - before.committed).toBe(3_100_000n);
    expect(before.available - after.available).toBe(3_100_000n);
    expect(after.reserved).toBe(before.reserved);

    // one fen more: refused when proposed…
    const over = await t
      .http()
      .post(`/api/v1/contracts/${f.contractId}/change-orders`)
      .set('Authorization', officer)
      .send(body('0.01'));
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('CHANGE_ORDER_OVER_CAP');

    const list = await t.http().get(`/api/v1/contracts/${f.contractId}/change-orders`).set('Authorization', officer);
    expect(list.status).toBe(200);
    expect(list.body.contract).toMatchObject({
      amount: '310000.00',
      changes: '31000.00',
      cap: '31000.00',
      remaining: '0.00',
      usedPercent: '10.00',
    });
    expect(list.body.items.map((x: { amount: string }) => x.amount)).toEqual(['20000.00', '11000.00']);
    const milestones = (await t.ds.query(
      'SELECT seq, amount_fen, is_final, status FROM contract_milestones WHERE contract_id = ? ORDER BY seq',
      [f.contractId],
    )) as Array<{ seq: number; amount_fen: string; is_final: number; status: string }>;
    expect(milestones.map((m) => [m.seq, String(m.amount_fen), m.is_final])).toEqual([
      [1, '9300000', 0],
      [2, '12400000', 0],
      [3, '9300000', 1],
      [4, '2000000', 0],
      [5, '1100000', 0],
    ]);
  });

  it('…and at approval, when an earlier proposal was approved first (nothing changes)', async () => {
    const f = await contractFixture(t, '补充合同审批时上限');
    const a = await propose(f.contractId, '20000.00');
    const b = await propose(f.contractId, '11000.01'); // fits alone when proposed
    expect((await approve(a)).status).toBe(200);
    const before = await lineBalances(t, f.lineId);
    const res = await approve(b);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CHANGE_ORDER_OVER_CAP');
    expect(await lineBalances(t, f.lineId)).toEqual(before);
    expect(await changesFen(f.contractId)).toBe(2_000_000n);
    const [row] = (await t.ds.query('SELECT status FROM contract_change_orders WHERE id = ?', [b])) as Array<{
      status: string;
    }>;
    expect(row.status).toBe('PROPOSED');
  });

  it('lets concurrent approvals together stay within the cap (the contract row is locked)', async () => {
    const f = await contractFixture(t, '补充合同并发');
    const ids = [
      await propose(f.contractId, '15000.00'),
      await propose(f.contractId, '15000.00'),
      await propose(f.contractId, '15000.00'),
    ];
    const before = await lineBalances(t, f.lineId);
    const results = await Promise.all(ids.map((id) => approve(id)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 422]);
    expect(results.find((r) => r.status === 422)?.body.code).toBe('CHANGE_ORDER_OVER_CAP');
    expect(await changesFen(f.contractId)).toBe(3_000_000n);
    const after = await lineBalances(t, f.lineId);
    expect(after.committed - before.committed).toBe(3_000_000n);
    const [{ n }] = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM ledger_entries WHERE idempotency_key LIKE 'change-order-%-commit' AND reference_id = ?",
      [String(f.contractId)],
    )) as Array<{ n: string }>;
    expect(Number(n)).toBe(2);
  });

  it('refuses a change order the budget line cannot afford, and changes nothing', async () => {
    // available after signing: 5,000.00 + the 1,000.00 released from the reservation
    const f = await contractFixture(t, '补充合同余额不足', { lineFen: 31_100_000n + 500_000n });
    const id = await propose(f.contractId, '10000.00');
    const before = await lineBalances(t, f.lineId);
    expect(before.available).toBe(600_000n);
    const res = await approve(id);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('FUNDS_INSUFFICIENT');
    expect(await lineBalances(t, f.lineId)).toEqual(before);
    expect(await changesFen(f.contractId)).toBe(0n);
    const [row] = (await t.ds.query('SELECT status, milestone_id FROM contract_change_orders WHERE id = ?', [
      id,
    ])) as Array<{ status: string; milestone_id: number | null }>;
    expect(row).toEqual({ status: 'PROPOSED', milestone_id: null });
    const [{ n }] = (await t.ds.query('SELECT COUNT(*) AS n FROM contract_milestones WHERE contract_id = ?', [
      f.contractId,
    ])) as Array<{ n: string }>;
    expect(Number(n)).toBe(3);
  });

  it('needs two people: the proposer holding both roles cannot approve (403), another finance officer can', async () => {
    const f = await contractFixture(t, '补充合同双人');
    await dualRoleUser(t, 'dual_po_fo');
    const dual = await bearer(t, 'dual_po_fo');
    const id = await propose(f.contractId, '1000.00', dual);
    const own = await approve(id, dual);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('CONTRACTS_SEPARATION_OF_DUTIES');
    expect(await changesFen(f.contractId)).toBe(0n);
    const ok = await approve(id);
    expect(ok.status).toBe(200);
    expect(ok.body.decidedBy).toBe(await userId(t.ds, 'finance'));
  });

  it('answers illegal transitions with 409', async () => {
    const f = await contractFixture(t, '补充合同非法转换');
    const id = await propose(f.contractId, '1000.00');
    expect((await approve(id)).status).toBe(200);
    const again = await approve(id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CHANGE_ORDER_ILLEGAL_TRANSITION');
    const reject = await t
      .http()
      .post(`/api/v1/change-orders/${id}/reject`)
      .set('Authorization', finance)
      .send({ reason: '已批准的不能驳回' });
    expect(reject.status).toBe(409);

    const other = await propose(f.contractId, '1000.00');
    const rejected = await t
      .http()
      .post(`/api/v1/change-orders/${other}/reject`)
      .set('Authorization', finance)
      .send({ reason: '预算不足' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectionReason: '预算不足' });
    expect((await approve(other)).status).toBe(409);

    const draft = await contractFixture(t, '补充合同草稿', { status: 'DRAFT' });
    const onDraft = await t
      .http()
      .post(`/api/v1/contracts/${draft.contractId}/change-orders`)
      .set('Authorization', officer)
      .send(body('1000.00'));
    expect(onDraft.status).toBe(409);
    const agreeDraft = await t
      .http()
      .post(`/api/v1/contracts/${draft.contractId}/terminate`)
      .set('Authorization', officer)
      .send({ kind: 'AGREEMENT', reason: '双方协商' });
    expect(agreeDraft.status).toBe(409);
    const notSignedActive = await t
      .http()
      .post(`/api/v1/contracts/${f.contractId}/terminate`)
      .set('Authorization', officer)
      .send({ kind: 'NOT_SIGNED', reason: '未签订' });
    expect(notSignedActive.status).toBe(409);
  });

  it('terminates for breach: releases exactly the unpaid commitment, records the breach, cancels the project', async () => {
    const resident = await userId(t.ds, 'resident');
    const need = await approvedNeed(t, '违约终止需求');
    const f = await contractFixture(t, '违约终止合同', { needIds: [need] });
    // as the signature left it: the need is in service
    await t.ds.query("UPDATE needs SET status = 'IN_SERVICE' WHERE id = ?", [need]);
    const co = await propose(f.contractId, '10000.00');
    expect((await approve(co)).status).toBe(200);
    const pending = await propose(f.contractId, '500.00');
    await payPart(t, f, 9_300_000n, `test-contract-${f.contractId}-pay-1`); // the first tranche, 93,000.00
    const before = await lineBalances(t, f.lineId);
    expect(before.committed).toBe(31_000_000n + 1_000_000n - 9_300_000n);

    const res = await t
      .http()
      .post(`/api/v1/contracts/${f.contractId}/terminate`)
      .set('Authorization', officer)
      .send({ kind: 'BREACH', reason: '连续两个月未按约提供服务' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      released: '227000.00', // 310,000.00 + 10,000.00 − 93,000.00
      projectStatus: 'CANCELLED',
      blacklistOrganisationId: f.organisationId,
      contract: { status: 'TERMINATED', terminationKind: 'BREACH', terminationReason: '连续两个月未按约提供服务' },
    });
    const after = await lineBalances(t, f.lineId);
    expect(after).toEqual({
      available: before.available + 22_700_000n,
      reserved: before.reserved,
      committed: before.committed - 22_700_000n,
      paid: before.paid,
    });
    expect(after.committed).toBe(0n);

    const records = (await t.ds.query(
      "SELECT kind, template, reference_id FROM organisation_records WHERE organisation_id = ? AND reference_type = 'contract'",
      [f.organisationId],
    )) as Array<{ kind: string; template: string; reference_id: string }>;
    expect(records).toContainEqual({
      kind: 'CONTRACT',
      template: 'contracts.changes.record_breach',
      reference_id: String(f.contractId),
    });
    const [co2] = (await t.ds.query('SELECT status FROM contract_change_orders WHERE id = ?', [pending])) as Array<{
      status: string;
    }>;
    expect(co2.status).toBe('REJECTED');
    const told = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND template = 'need.step' AND params LIKE '%contracts.changes.step_terminated%'",
      [resident],
    )) as Array<{ n: string }>;
    expect(Number(told[0].n)).toBeGreaterThanOrEqual(1);
    // the need was not served: back to APPROVED, to be bundled into a new project, with the reason on its timeline
    const [back] = (await t.ds.query(
      "SELECT n.status, e.template FROM needs n JOIN need_events e ON e.need_id = n.id AND e.to_status = 'APPROVED' AND e.from_status = 'IN_SERVICE' WHERE n.id = ?",
      [need],
    )) as Array<{ status: string; template: string }>;
    expect(back).toEqual({ status: 'APPROVED', template: 'contracts.contract.need_returned' });

    const again = await t
      .http()
      .post(`/api/v1/contracts/${f.contractId}/terminate`)
      .set('Authorization', officer)
      .send({ kind: 'AGREEMENT', reason: '再次终止' });
    expect(again.status).toBe(409);
    expect(await lineBalances(t, f.lineId)).toEqual(after);
  });

  it('terminates by agreement without a record line, and a draft never signed keeps its reservation for re-tendering', async () => {
    const f = await contractFixture(t, '协商终止合同', { status: 'SIGNED' });
    const before = await lineBalances(t, f.lineId);
    const res = await t
      .http()
      .post(`/api/v1/contracts/${f.contractId}/terminate`)
      .set('Authorization', officer)
      .send({ kind: 'AGREEMENT', reason: '服务需求取消，双方协商终止' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      released: '310000.00',
      projectStatus: 'CANCELLED',
      blacklistOrganisationId: null,
    });
    expect((await lineBalances(t, f.lineId)).available).toBe(before.available + 31_000_000n);

    const d = await contractFixture(t, '未签订合同', { status: 'DRAFT' });
    const dBefore = await lineBalances(t, d.lineId);
    expect(dBefore.reserved).toBe(31_100_000n);
    const nd = await t
      .http()
      .post(`/api/v1/contracts/${d.contractId}/terminate`)
      .set('Authorization', officer)
      .send({ kind: 'NOT_SIGNED', reason: '中标人逾期未签订合同' });
    expect(nd.status).toBe(200);
    expect(nd.body).toMatchObject({ released: '0.00', releaseEntryId: null, projectStatus: 'APPROVED' });
    expect(await lineBalances(t, d.lineId)).toEqual(dBefore);
  });

  it('keeps change orders inside the district and the parties; the supplier sees approved ones only', async () => {
    const f = await contractFixture(t, '补充合同越权');
    const approvedId = await propose(f.contractId, '1000.00');
    expect((await approve(approvedId)).status).toBe(200);
    const proposedId = await propose(f.contractId, '2000.00');
    const [xwOfficer, xwFinance, orgmember, orgmember2] = await Promise.all(
      ['xw_officer', 'xw_finance', 'orgmember', 'orgmember2'].map((u) => bearer(t, u)),
    );
    const get = (as: string) =>
      t.http().get(`/api/v1/contracts/${f.contractId}/change-orders`).set('Authorization', as);
    for (const as of [xwOfficer, xwFinance, orgmember2]) {
      const r = await get(as);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('CONTRACT_NOT_FOUND');
    }
    const own = await get(orgmember);
    expect(own.status).toBe(200);
    expect(own.body.items.map((x: { id: number }) => x.id)).toEqual([approvedId]);

    const cross = await t
      .http()
      .post(`/api/v1/contracts/${f.contractId}/change-orders`)
      .set('Authorization', xwOfficer)
      .send(body('1.00'));
    expect(cross.status).toBe(404);
    const crossApprove = await approve(proposedId, xwFinance);
    expect(crossApprove.status).toBe(404);
    expect(crossApprove.body.code).toBe('CHANGE_ORDER_NOT_FOUND');
    const crossTerminate = await t
      .http()
      .post(`/api/v1/contracts/${f.contractId}/terminate`)
      .set('Authorization', xwOfficer)
      .send({ kind: 'AGREEMENT', reason: '越权终止' });
    expect(crossTerminate.status).toBe(404);
    const [c] = (await t.ds.query('SELECT status, changes_fen FROM contracts WHERE id = ?', [f.contractId])) as Array<{
      status: string;
      changes_fen: string;
    }>;
    expect(c).toEqual({ status: 'ACTIVE', changes_fen: '100000' });

    const queue = await t.http().get('/api/v1/change-orders?pageSize=100').set('Authorization', finance);
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((x: { id: number }) => x.id)).toContain(proposedId);
    const xwQueue = await t.http().get('/api/v1/change-orders?pageSize=100').set('Authorization', xwFinance);
    expect(xwQueue.body.items.map((x: { id: number }) => x.id)).not.toContain(proposedId);

    const xlsx = await t
      .http()
      .get(`/api/v1/contracts/${f.contractId}/change-orders/export.xlsx`)
      .set('Authorization', officer);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const qx = await t.http().get('/api/v1/change-orders/export.xlsx').set('Authorization', finance);
    expect(qx.status).toBe(200);
  });
});
