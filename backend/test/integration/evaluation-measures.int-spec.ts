import { frac } from '../../src/modules/evaluation/domain/exact';
import { EvaluationMeasuresService } from '../../src/modules/evaluation/services/evaluation-measures.service';
import { liveContract, PHOTO_PNG, reportBody } from '../factories/contracts-milestones.factory';
import { contractWithMilestones } from '../factories/contracts-payments.factory';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * The computed indicators on the real MariaDB, from contract data made by the real services: progress reports
 * submitted by the supplier and accepted by the officer through the API (activities, hours per beneficiary, output
 * values), payment requests raised, approved and paid through the API (the ledger's disbursement), and no survey.
 */
describe('evaluation measures from the contract’s own data', () => {
  let t: TestApp;
  let officer: string;
  let org: string;
  let finance: string;

  beforeAll(async () => {
    t = await createTestApp();
    [officer, org, finance] = await Promise.all(['officer', 'orgmember', 'finance'].map((u) => bearer(t, u)));
  });
  afterAll(() => t.close());

  const measures = (contractId: number) =>
    t.ds.transaction((em) => t.app.get(EvaluationMeasuresService).measures(em, contractId));

  /** The supplier reports the milestone with a photo, the officer accepts it: all through the API. */
  async function deliver(contractId: number, milestoneId: number, overrides: Record<string, unknown> = {}) {
    const base = `/api/v1/contracts/${contractId}/milestones/${milestoneId}`;
    const photo = await t
      .http()
      .post(`${base}/evidence`)
      .set('Authorization', org)
      .send({ kind: 'PHOTO', fileName: '服务现场.png', contentBase64: PHOTO_PNG.toString('base64') })
      .expect(201);
    const report = await t
      .http()
      .post(`${base}/reports`)
      .set('Authorization', org)
      .send(reportBody([photo.body.id as number], overrides));
    if (report.status !== 201) throw new Error(`report: ${report.status} ${JSON.stringify(report.body)}`);
    await t.http().post(`${base}/accept`).set('Authorization', officer).expect(200);
  }

  it('counts people served from the accepted reports (the largest activity), milestones on time, no hours, no survey', async () => {
    const c = await liveContract(t, '验单指标测试合同', {
      status: 'ACTIVE',
      milestones: [
        { dueInDays: 5, shareBp: 3000 },
        { dueInDays: 60, shareBp: 3000 },
        { dueInDays: 200, shareBp: 4000 },
      ],
    });
    const before = await measures(c.contractId);
    expect(before.BENEFICIARIES_SERVED).toMatchObject({ insufficient: 'NO_DATA', planned: frac(40n) });

    const yesterday = (reportBody([]).activities as Array<{ date: string }>)[0].date;
    await deliver(c.contractId, c.milestoneIds[0], {
      activities: [
        { date: yesterday, place: '山西路社区活动中心', content: '老年助餐', participants: 32 },
        { date: yesterday, place: '山西路社区', content: '送餐上门', participants: 25 },
      ],
    });
    const m = await measures(c.contractId);
    // the plan of the demo project expects 40 beneficiaries; 32 at the largest activity, never 32 + 25 (visits)
    expect(m.BENEFICIARIES_SERVED).toEqual({ actual: frac(32n), planned: frac(40n), basis: 'LARGEST_ACTIVITY' });
    // accepted today, due in 5 days: on time; the other two are not accepted yet
    expect(m.MILESTONES_ON_TIME).toEqual({ actual: frac(1n), planned: frac(3n), basis: null });
    // 老年助餐 is counted in 人次, not hours
    expect(m.SERVICE_HOURS?.insufficient).toBe('NO_PLAN');
    // nothing paid yet of the two tranches before the final one (1,000,000 fen × 30 % × 2)
    expect(m.FUNDS_PAID).toEqual({ actual: frac(0n), planned: frac(600_000n), basis: null });
    expect(m.SATISFACTION).toMatchObject({ insufficient: 'NO_DATA', actual: frac(0n), planned: frac(0n) });
  });

  it('sums the service hours of the accepted reports exactly against the plan’s hours indicator, and counts named beneficiaries', async () => {
    const c = await liveContract(t, '验单时长测试合同', {
      status: 'ACTIVE',
      milestones: [
        { dueInDays: 10, shareBp: 5000 },
        { dueInDays: 100, shareBp: 5000 },
      ],
    });
    // the project buys 作业辅导 (counted in 小时) with an hours target in its plan
    await t.ds.query(
      `UPDATE projects SET catalogue_item_id = (SELECT id FROM catalogue_items WHERE code = 'B0102' ORDER BY id DESC LIMIT 1),
         plan = JSON_SET(plan, '$.outputIndicators', JSON_ARRAY(JSON_OBJECT('name', '辅导时长', 'target', '≥ 480 小时')))
       WHERE id = ?`,
      [c.projectId],
    );
    const yesterday = (reportBody([]).activities as Array<{ date: string }>)[0].date;
    await deliver(c.contractId, c.milestoneIds[0], {
      activities: [{ date: yesterday, place: '山西路社区四点半课堂', content: '作业辅导', participants: 2 }],
      serviceHours: [
        { beneficiary: '小王', hours: '2.5' },
        { beneficiary: '小李', hours: '1.25' },
        { beneficiary: '小张', hours: '0.0833' },
      ],
      outputs: [{ code: 'OUT-1', actual: '3.8333' }],
    });
    const m = await measures(c.contractId);
    expect(m.SERVICE_HOURS).toEqual({ actual: frac(38333n, 10000n), planned: frac(480n), basis: 'HOURS_INDICATOR' });
    expect(m.BENEFICIARIES_SERVED).toEqual({ actual: frac(3n), planned: frac(40n), basis: 'NAMED_BENEFICIARIES' });
  });

  it('measures funds paid through the real payment flow (request, approval, payment from the ledger)', async () => {
    const c = await contractWithMilestones(t.app, t.ds, {
      amountFen: 900_000n,
      sharesBp: [3000, 3000, 4000],
      accepted: 2,
      label: `measures-${Date.now().toString(36)}`,
    });
    const request = await t
      .http()
      .post(`/api/v1/contracts/${c.contractId}/milestones/${c.milestoneIds[0]}/payment-request`)
      .set('Authorization', org)
      .expect(201);
    await t
      .http()
      .post(`/api/v1/payment-requests/${request.body.id}/approve`)
      .set('Authorization', officer)
      .expect(200);
    // approved but not paid: it does not count
    expect((await measures(c.contractId)).FUNDS_PAID?.actual).toEqual(frac(0n));
    await t.http().post(`/api/v1/payment-requests/${request.body.id}/pay`).set('Authorization', finance).expect(200);
    const m = await measures(c.contractId);
    // 270,000 paid of the 540,000 committed before the final tranche (360,000, held for the evaluation)
    expect(m.FUNDS_PAID).toEqual({ actual: frac(270_000n), planned: frac(540_000n), basis: null });
  });
});
