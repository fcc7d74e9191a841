import { Queue } from 'bullmq';

import { FinalPaymentService } from '../../src/modules/contracts';
import { PaymentJobs } from '../../src/modules/contracts/jobs/payment-jobs';
import { disburseKey, PAYMENT_DUE_JOB, paymentDueJob } from '../../src/modules/contracts/services/payments.service';
import { ledgerConsistency } from '../../src/modules/funds';
import { SYSTEM_ACTOR } from '../../src/platform/access';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import {
  acceptMilestone,
  contractWithMilestones,
  lineBalances,
  PaymentsContract,
} from '../factories/contracts-payments.factory';
import { bearer, createTestApp, createTestWorker, loseRedis, TestApp } from '../support/test-app';

const yuan = (s: string) => BigInt(s.replace('.', ''));

describe('payments (HTTP, real MariaDB and Redis)', () => {
  let t: TestApp;
  let orgmember: string;
  let orgmember2: string;
  let officer: string;
  let finance: string;
  let xwOfficer: string;
  let xwFinance: string;
  let dual: string;

  beforeAll(async () => {
    t = await createTestApp();
    [orgmember, orgmember2, officer, finance, xwOfficer, xwFinance] = await Promise.all(
      ['orgmember', 'orgmember2', 'officer', 'finance', 'xw_officer', 'xw_finance'].map((u) => bearer(t, u)),
    );
    // a user of 鼓楼区 holding both the officer's and finance's roles
    const [o] = (await t.ds.query("SELECT * FROM users WHERE username = 'officer'")) as Array<Record<string, unknown>>;
    delete o.id;
    for (const [k, v] of Object.entries({ username: 'pay_dual', display_name: '双角色', phone: null, email: null }))
      if (k in o) o[k] = v;
    const cols = Object.keys(o);
    const ins = (await t.ds.query(
      `INSERT INTO users (${cols.map((c) => `\`${c}\``).join(',')}) VALUES (${cols.map(() => '?').join(',')})`,
      cols.map((c) => o[c]),
    )) as { insertId: number };
    await t.ds.query(
      "INSERT INTO user_roles (user_id, role) VALUES (?, 'PROCUREMENT_OFFICER'), (?, 'FINANCE_OFFICER')",
      [ins.insertId, ins.insertId],
    );
    dual = await bearer(t, 'pay_dual');
  });

  afterAll(async () => {
    await t.close();
  });

  const contract = (o: Parameters<typeof contractWithMilestones>[2]) => contractWithMilestones(t.app, t.ds, o);
  const requestPay = (c: PaymentsContract, i: number, who = orgmember) =>
    t
      .http()
      .post(`/api/v1/contracts/${c.contractId}/milestones/${c.milestoneIds[i]}/payment-request`)
      .set('Authorization', who);
  const step = (id: number, action: string, who: string) =>
    t.http().post(`/api/v1/payment-requests/${id}/${action}`).set('Authorization', who);

  it('the oracle: 310,000.00 at 30/40/30 pays 93,000.00 and 124,000.00, the final tranche at 75 with 15 % pays 79,050.00 and releases 13,950.00', async () => {
    const [need] = (await t.ds.query(
      "SELECT n.id FROM needs n JOIN users u ON u.id = n.submitted_by WHERE u.username = 'resident' ORDER BY n.id LIMIT 1",
    )) as Array<{ id: number }>;
    const c = await contract({ amountFen: 31_000_000n, sharesBp: [3000, 4000, 3000], accepted: 2, needIds: [need.id] });
    expect(c.tranchesFen).toEqual([9_300_000n, 12_400_000n, 9_300_000n]);
    expect(await lineBalances(t.ds, c.lineId)).toEqual({
      available: 0n,
      reserved: 0n,
      committed: 31_000_000n,
      paid: 0n,
    });

    const paid: string[] = [];
    for (const i of [0, 1]) {
      const r = await requestPay(c, i).expect(201);
      expect(r.body.status).toBe('REQUESTED');
      await step(r.body.id, 'approve', officer).expect(200);
      const p = await step(r.body.id, 'pay', finance).expect(200);
      expect(p.body.status).toBe('PAID');
      expect(p.body.lateInterest).toBe('0.00');
      paid.push(p.body.amount as string);
    }
    expect(paid).toEqual(['93000.00', '124000.00']);
    expect(await lineBalances(t.ds, c.lineId)).toEqual({
      available: 0n,
      reserved: 0n,
      committed: 9_300_000n,
      paid: 21_700_000n,
    });

    // the final milestone is accepted: its request is HELD until the evaluation result
    await acceptMilestone(t.ds, c.milestoneIds[2]);
    const held = await requestPay(c, 2).expect(201);
    expect(held.body.status).toBe('HELD');
    await step(held.body.id, 'approve', officer).expect(409);

    const result = await t.app
      .get(FinalPaymentService)
      .applyEvaluationResult(SYSTEM_ACTOR, c.contractId, '75', 'eval-oracle');
    expect(result).toMatchObject({ outcome: 'REDUCED', payFen: 7_905_000n, releaseFen: 1_395_000n, replayed: false });
    // the same result again changes nothing
    expect(
      (await t.app.get(FinalPaymentService).applyEvaluationResult(SYSTEM_ACTOR, c.contractId, '75', 'eval-oracle'))
        .replayed,
    ).toBe(true);
    expect(await lineBalances(t.ds, c.lineId)).toEqual({
      available: 1_395_000n,
      reserved: 0n,
      committed: 7_905_000n,
      paid: 21_700_000n,
    });
    const fin = await t
      .http()
      .get(`/api/v1/payment-requests/${held.body.id}`)
      .set('Authorization', orgmember)
      .expect(200);
    expect(fin.body).toMatchObject({
      status: 'REQUESTED',
      tranche: '93000.00',
      amount: '79050.00',
      released: '13950.00',
      finalOutcome: 'REDUCED',
    });
    await step(held.body.id, 'approve', officer).expect(200);
    const last = await step(held.body.id, 'pay', finance).expect(200);
    expect(last.body.amount).toBe('79050.00');
    expect(await lineBalances(t.ds, c.lineId)).toEqual({
      available: 1_395_000n,
      reserved: 0n,
      committed: 0n,
      paid: 29_605_000n,
    });
    expect(yuan('93000.00') + yuan('124000.00') + yuan('79050.00') + yuan('13950.00')).toBe(31_000_000n);

    // every milestone settled: the contract and the project are COMPLETED
    const [row] = (await t.ds.query(
      'SELECT c.status AS c, p.status AS p FROM contracts c JOIN projects p ON p.id = c.project_id WHERE c.id = ?',
      [c.contractId],
    )) as Array<{ c: string; p: string }>;
    expect(row).toEqual({ c: 'COMPLETED', p: 'COMPLETED' });
    // the resident sees each payment on the need's timeline (the last as 尾款已支付); the supplier in its inbox
    const steps = (await t.ds.query(
      "SELECT template FROM need_events WHERE need_id = ? AND template LIKE 'contracts.payment.step_%paid' ORDER BY id",
      [need.id],
    )) as Array<{ template: string }>;
    expect(steps.map((x) => x.template)).toEqual([
      'contracts.payment.step_paid',
      'contracts.payment.step_paid',
      'contracts.payment.step_final_paid',
    ]);
    const inbox = await t.http().get('/api/v1/inbox').set('Authorization', orgmember);
    expect(JSON.stringify(inbox.body)).toContain('79,050.00');
    // each step its own audit event
    const [{ events }] = (await t.ds.query(
      "SELECT COUNT(*) AS events FROM audit_events WHERE entity_type = 'payment_request' AND entity_id = ?",
      [String(held.body.id)],
    )) as Array<{ events: string }>;
    expect(Number(events)).toBe(4); // held, released, approved, paid
    expect((await ledgerConsistency(t.ds)).ok).toBe(true);
  });

  it('a score below 60 withholds the final tranche, releases it whole and flags the organisation', async () => {
    const c = await contract({ amountFen: 1_000_001n, sharesBp: [5000, 5000], accepted: 2 });
    const r = await requestPay(c, 0).expect(201);
    await step(r.body.id, 'approve', officer).expect(200);
    await step(r.body.id, 'pay', finance).expect(200);
    const res = await t.app
      .get(FinalPaymentService)
      .applyEvaluationResult(SYSTEM_ACTOR, c.contractId, '59.99', 'eval-low');
    expect(res).toMatchObject({ outcome: 'WITHHELD', payFen: 0n, releaseFen: 500_001n });
    expect(await lineBalances(t.ds, c.lineId)).toEqual({
      available: 500_001n,
      reserved: 0n,
      committed: 0n,
      paid: 500_000n,
    });
    const [rec] = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM organisation_records WHERE organisation_id = ? AND template = 'contracts.payment.record_withheld'",
      [c.organisationId],
    )) as Array<{ n: string }>;
    expect(Number(rec.n)).toBe(1);
    const [{ status }] = (await t.ds.query('SELECT status FROM contracts WHERE id = ?', [c.contractId])) as Array<{
      status: string;
    }>;
    expect(status).toBe('COMPLETED');
  });

  it('separation of duties: the approver is refused the pay step even holding finance’s role', async () => {
    const c2 = await contract({ amountFen: 500_000n, sharesBp: [5000, 5000], accepted: 1 });
    const r = await requestPay(c2, 0).expect(201);
    await step(r.body.id, 'approve', dual).expect(200);
    const refused = await step(r.body.id, 'pay', dual).expect(403);
    expect(refused.body.code).toBe('CONTRACTS_SEPARATION_OF_DUTIES');
    await step(r.body.id, 'pay', finance).expect(200);
  });

  it('idempotency: a retried pay with the same Idempotency-Key replays, a second pay is a 409, the ledger has one entry', async () => {
    const c = await contract({ amountFen: 600_000n, sharesBp: [5000, 5000], accepted: 1 });
    const r = await requestPay(c, 0).set('Idempotency-Key', `request-${c.contractId}-first`).expect(201);
    const again = await requestPay(c, 0).set('Idempotency-Key', `request-${c.contractId}-first`).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(r.body.id);
    await requestPay(c, 0).expect(409); // a double-click without a key: one request
    await step(r.body.id, 'approve', officer).expect(200);
    const key = `pay-${r.body.id}-abcdef`;
    const p1 = await step(r.body.id, 'pay', finance).set('Idempotency-Key', key).expect(200);
    const p2 = await step(r.body.id, 'pay', finance).set('Idempotency-Key', key).expect(200);
    expect(p2.headers['idempotent-replayed']).toBe('true');
    expect(p2.body).toEqual(p1.body);
    const third = await step(r.body.id, 'pay', finance).expect(409);
    expect(third.body.code).toBe('PAYMENT_ILLEGAL_TRANSITION');
    await step(r.body.id, 'approve', officer).expect(409);
    const [{ n }] = (await t.ds.query('SELECT COUNT(*) AS n FROM ledger_entries WHERE idempotency_key = ?', [
      disburseKey(r.body.id),
    ])) as Array<{ n: string }>;
    expect(Number(n)).toBe(1);
  });

  it('409s: a request for a milestone not accepted, paying before approval, rejecting twice; a rejected one may be raised again', async () => {
    const c = await contract({ amountFen: 600_000n, sharesBp: [5000, 5000], accepted: 1 });
    const notAccepted = await requestPay(c, 1).expect(409);
    expect(notAccepted.body.code).toBe('PAYMENT_ILLEGAL_TRANSITION');
    const r = await requestPay(c, 0).expect(201);
    await step(r.body.id, 'pay', finance).expect(409);
    const rej = await step(r.body.id, 'reject', officer).send({ reason: '发票抬头有误' }).expect(200);
    expect(rej.body).toMatchObject({ status: 'REJECTED', rejectReason: '发票抬头有误' });
    await step(r.body.id, 'reject', officer).send({ reason: '再次退回' }).expect(409);
    await step(r.body.id, 'reject', officer).send({ reason: ' ' }).expect(400);
    const again = await requestPay(c, 0).expect(201);
    expect(again.body.id).not.toBe(r.body.id);
    await step(again.body.id, 'approve', officer).expect(200);
    const back = await step(again.body.id, 'return', finance).send({ reason: '账户信息不符' }).expect(200);
    expect(back.body.status).toBe('REJECTED');
  });

  it('scope: another district’s staff and another organisation get 404, as for a missing record', async () => {
    const c = await contract({ amountFen: 600_000n, sharesBp: [5000, 5000], accepted: 1 });
    const r = await requestPay(c, 0).expect(201);
    for (const [who, path] of [
      [orgmember2, `/api/v1/contracts/${c.contractId}/payments`],
      [xwOfficer, `/api/v1/contracts/${c.contractId}/payments`],
      [orgmember2, `/api/v1/payment-requests/${r.body.id}`],
      [xwFinance, `/api/v1/payment-requests/${r.body.id}`],
    ] as const)
      await t.http().get(path).set('Authorization', who).expect(404);
    await requestPay(c, 1, orgmember2).expect(404);
    await step(r.body.id, 'approve', xwOfficer).expect(404);
    await step(r.body.id, 'approve', officer).expect(200);
    await step(r.body.id, 'pay', xwFinance).expect(404);
    const list = await t
      .http()
      .get('/api/v1/payment-requests?pageSize=100')
      .set('Authorization', xwFinance)
      .expect(200);
    expect((list.body.items as Array<{ id: number }>).some((x) => x.id === r.body.id)).toBe(false);
    const mine = await t
      .http()
      .get(`/api/v1/payment-requests?contractId=${c.contractId}`)
      .set('Authorization', finance)
      .expect(200);
    expect(mine.body.items.map((x: { id: number }) => x.id)).toEqual([r.body.id]);
    const overview = await t
      .http()
      .get(`/api/v1/contracts/${c.contractId}/payments`)
      .set('Authorization', orgmember)
      .expect(200);
    expect(overview.body.milestones.map((m: { requestable: boolean }) => m.requestable)).toEqual([false, false]);
    const xlsx = await t.http().get('/api/v1/payment-requests/export.xlsx').set('Authorization', finance).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('concurrency: duplicate requests at once give one request; the same request paid by 8 calls at once pays once', async () => {
    const c = await contract({ amountFen: 800_000n, sharesBp: [5000, 5000], accepted: 1 });
    const reqs = await Promise.all(Array.from({ length: 8 }, () => requestPay(c, 0)));
    expect(reqs.map((x) => x.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const [{ n }] = (await t.ds.query('SELECT COUNT(*) AS n FROM payment_requests WHERE milestone_id = ?', [
      c.milestoneIds[0],
    ])) as Array<{ n: string }>;
    expect(Number(n)).toBe(1);
    const id = reqs.find((x) => x.status === 201)?.body.id as number;
    await step(id, 'approve', officer).expect(200);
    const pays = await Promise.all(Array.from({ length: 8 }, () => step(id, 'pay', finance)));
    expect(pays.map((x) => x.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const [{ e }] = (await t.ds.query(
      "SELECT COUNT(*) AS e FROM ledger_entries WHERE reference_type = 'payment_request' AND reference_id = ? AND operation = 'DISBURSE'",
      [String(id)],
    )) as Array<{ e: string }>;
    expect(Number(e)).toBe(1);
    expect(await lineBalances(t.ds, c.lineId)).toMatchObject({ committed: 400_000n, paid: 400_000n });
  });

  it('lateness: due 30 days after acceptance; interest to today while unpaid and fixed at payment; the due job survives a Redis wipe', async () => {
    const accepted = new Date(Date.now() - 40 * 86_400_000);
    const c = await contract({
      amountFen: 31_000_000n,
      sharesBp: [3000, 4000, 3000],
      accepted: 1,
      acceptedAt: accepted,
    });
    const r = await requestPay(c, 0).expect(201);
    expect(r.body).toMatchObject({ overdue: true, daysLate: 10, lateInterest: '465.00', lateRatePercent: '18.25' });

    // Redis loses everything: the reconciler rebuilds the due job from the database, which flags the request once
    await loseRedis(t);
    const report = await t.app.get(Deadlines).reconcile();
    expect(report.bySource[PAYMENT_DUE_JOB]?.restored).toBeGreaterThanOrEqual(1);
    const queue = t.app.get(Deadlines).queue(QUEUES.CONTRACTS) as Queue;
    const [{ due_at }] = (await t.ds.query('SELECT due_at FROM payment_requests WHERE id = ?', [r.body.id])) as Array<{
      due_at: Date;
    }>;
    expect(await queue.getJob(paymentDueJob(r.body.id, due_at).jobId)).toBeTruthy();
    const jobs = t.app.get(PaymentJobs);
    const [a, b] = await Promise.all([
      jobs.handle(PAYMENT_DUE_JOB, { requestId: r.body.id }),
      jobs.handle(PAYMENT_DUE_JOB, { requestId: r.body.id }),
    ]);
    expect([a.result, b.result].sort()).toEqual(['ALREADY_LATE', 'FLAGGED_LATE']);
    const [{ n }] = (await t.ds.query(
      "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'contracts.payment.late' AND entity_id = ?",
      [String(r.body.id)],
    )) as Array<{ n: string }>;
    expect(Number(n)).toBe(1);
    // both sides are told
    const [{ told }] = (await t.ds.query(
      "SELECT COUNT(DISTINCT u.username) AS told FROM notifications x JOIN users u ON u.id = x.user_id WHERE x.kind = 'contracts.payment' AND u.username IN ('orgmember', 'officer', 'finance') AND x.created_at >= UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE",
    )) as Array<{ told: string }>;
    expect(Number(told)).toBe(3);

    await step(r.body.id, 'approve', officer).expect(200);
    const p = await step(r.body.id, 'pay', finance).expect(200);
    expect(p.body).toMatchObject({ status: 'PAID', daysLate: 10, lateInterest: '465.00' });
    // a job for a paid request does nothing
    expect((await jobs.handle(PAYMENT_DUE_JOB, { requestId: r.body.id })).result).toBe('NOTHING_PAID');
  });

  it('the worker flags a late payment from the job the reconciler rebuilt after Redis lost everything', async () => {
    const accepted = new Date(Date.now() - 31 * 86_400_000);
    const c = await contract({ amountFen: 400_000n, sharesBp: [5000, 5000], accepted: 1, acceptedAt: accepted });
    const r = await requestPay(c, 0).expect(201);
    await loseRedis(t);
    const worker = await createTestWorker(); // reconciles at start-up, then consumes the contracts queue
    try {
      const until = Date.now() + 20_000;
      let lateAt: Date | null = null;
      while (lateAt === null && Date.now() < until) {
        await new Promise((res) => setTimeout(res, 200));
        [{ late_at: lateAt }] = (await t.ds.query('SELECT late_at FROM payment_requests WHERE id = ?', [
          r.body.id,
        ])) as Array<{ late_at: Date | null }>;
      }
      expect(lateAt).not.toBeNull();
    } finally {
      await worker.close();
    }
    const got = await t.http().get(`/api/v1/payment-requests/${r.body.id}`).set('Authorization', orgmember).expect(200);
    expect(got.body).toMatchObject({ overdue: true, daysLate: 1, lateInterest: '1.00' }); // 2,000.00 × 0.05 % a day × 1 day
  });
});
