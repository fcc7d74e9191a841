import { INestApplicationContext } from '@nestjs/common';

import { ContractEntity, ContractMilestoneEntity } from '../../src/modules/contracts/entities/contracts.entities';
import { ContractHooks } from '../../src/modules/contracts/services/contract-hooks';
import { objectionWindowJob } from '../../src/modules/evaluation/jobs/objection-window';
import { PublicationService } from '../../src/modules/evaluation/services/publication.service';
import { TendersService } from '../../src/modules/procurement';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { acceptMilestone } from '../factories/contracts-payments.factory';
import {
  markSubmitted,
  OBJECTION_PDF,
  ORACLE_RESULT,
  submittedFinalTask,
  submittedTaskWithMoney,
  taskRow,
  windowPassed,
} from '../factories/evaluation-results.factory';
import { approvedNeed, makeBidders, publishedTender } from '../factories/procurement.factory';
import { pollUntil } from '../support/poll';
import { bearer, createTestApp, createTestWorker, loseRedis, regionId, TestApp } from '../support/test-app';

/**
 * Review, objection and publication of evaluation results on the real MariaDB and Redis (issue #11 item 5, "the
 * objection window closes by job after a Redis wipe"; "a 不合格 result bars the organisation from the next tender in
 * the region with a stated reason"): the window's job rebuilt by the reconciler, objections holding publication
 * until decided, an upheld objection back to the evaluator, and publication's consequences — the final tranche in
 * full, reduced to the fen or withheld, the record, the bar, the project and its needs, the residents' timeline.
 */
describe('evaluation results: review, objection, publication', () => {
  let t: TestApp;
  let deadlines: Deadlines;
  let publication: PublicationService;
  let worker: INestApplicationContext | undefined;
  let officer: string;
  let orgmember: string;
  let finance: string;

  beforeAll(async () => {
    t = await createTestApp();
    deadlines = t.app.get(Deadlines);
    publication = t.app.get(PublicationService);
    [officer, orgmember, finance] = await Promise.all(['officer', 'orgmember', 'finance'].map((u) => bearer(t, u)));
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const confirm = (taskId: number) =>
    t.http().post(`/api/v1/evaluation/tasks/${taskId}/confirm`).set('Authorization', officer);
  const object = (taskId: number, reasons = '满意度调查只收回 8 份问卷，不应按系统计算满意度。') =>
    t
      .http()
      .post(`/api/v1/evaluation/tasks/${taskId}/objections`)
      .set('Authorization', orgmember)
      .send({ reasons, attachments: [{ fileName: '问卷记录.pdf', contentBase64: OBJECTION_PDF }] });
  const count = async (sql: string, params: unknown[]) =>
    Number(((await t.ds.query(sql, params)) as Array<{ n: string }>)[0].n);

  it('fault: the objection window closes by job after Redis lost everything, and the result is published', async () => {
    const f = await submittedFinalTask(t, '异议期任务');
    const c = await confirm(f.taskId).expect(200);
    expect(c.body).toMatchObject({ status: 'CONFIRMED', windowOpen: true, totalScore: '84.16', grade: 'GOOD' });
    // 24:00 Beijing time of a working day, at least a week (5 working days) away
    expect(c.body.objectionDueAt).toMatch(/T16:00:00\.000Z$/);
    expect(new Date(c.body.objectionDueAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const first = objectionWindowJob(f.taskId, new Date(c.body.objectionDueAt));
    expect(await (await deadlines.queue(QUEUES.EVALUATION).getJob(first.jobId))?.getState()).toBe('delayed');

    // five working days pass: the window now ends in 3 s (database clock); then Redis loses everything
    await t.ds.query(
      'UPDATE evaluation_tasks SET objection_due_at = UTC_TIMESTAMP(3) + INTERVAL 3 SECOND WHERE id = ?',
      [f.taskId],
    );
    const { objection_due_at: dueAt } = await taskRow(t, f.taskId);
    await loseRedis(t);
    const job = objectionWindowJob(f.taskId, dueAt as Date);
    expect(await deadlines.queue(QUEUES.EVALUATION).getJob(job.jobId)).toBeUndefined();

    const report = await deadlines.reconcile();
    expect(report.bySource['evaluation-objection-window'].restored).toBeGreaterThanOrEqual(1);
    expect(await (await deadlines.queue(QUEUES.EVALUATION).getJob(job.jobId))?.getState()).toBe('delayed');
    expect((await deadlines.reconcile()).bySource['evaluation-objection-window'].restored).toBe(0);

    worker = await createTestWorker();
    const row = await pollUntil(
      () => taskRow(t, f.taskId),
      (r) => r.status === 'PUBLISHED',
    );
    expect(row.status).toBe('PUBLISHED');
    // never before the window's end (the database clock decides)
    expect((row.published_at as Date).getTime()).toBeGreaterThanOrEqual((dueAt as Date).getTime());
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM audit_events WHERE entity_type = 'evaluation_task' AND entity_id = ? AND action = 'evaluation.task.published'",
        [String(f.taskId)],
      ),
    ).toBe(1);
    // the registry keeps the grade; the final milestone is not accepted yet: the tranche follows its acceptance
    expect(
      await t.ds.query('SELECT score, grade FROM organisation_evaluation_results WHERE source_id = ?', [f.taskId]),
    ).toEqual([{ score: '84.16', grade: 'GOOD' }]);
    // published: no longer a pending deadline; a second run of the job does nothing
    const pending = await publication.source().pending();
    expect(pending.map((j) => j.payload)).not.toContainEqual({ taskId: f.taskId });
    expect(await publication.windowTick(f.taskId)).toEqual({ result: 'NOT_CONFIRMED' });
  });

  it('an objection filed in time holds publication until it is decided; its dismissal after the window publishes', async () => {
    const f = await submittedFinalTask(t, '异议驳回任务');
    await confirm(f.taskId).expect(200);
    const filed = await object(f.taskId).expect(201);
    expect(filed.body).toMatchObject({ status: 'FILED', taskId: f.taskId, files: [{ mime: 'application/pdf' }] });
    // one open objection per result
    await object(f.taskId, '再次提出同样的异议，请重新审查评分。').expect(422);

    await windowPassed(t, f.taskId);
    expect(await publication.windowTick(f.taskId)).toEqual({ result: 'OBJECTION_OPEN' });
    expect((await taskRow(t, f.taskId)).status).toBe('CONFIRMED');
    // the window is over: the database clock refuses a late objection
    const late = await object(f.taskId, '窗口结束后补充的异议理由。').expect(409);
    expect(late.body.code).toBe('EVALUATION_OBJECTION_WINDOW_CLOSED');
    // and the reconciler does not keep firing a job that can only wait for the decision
    expect((await publication.source().pending()).map((j) => j.payload)).not.toContainEqual({ taskId: f.taskId });

    const dismissed = await t
      .http()
      .post(`/api/v1/evaluation/objections/${filed.body.id}/dismiss`)
      .set('Authorization', officer)
      .send({ answer: '问卷数量符合最低份数要求，满意度按系统计算无误。' })
      .expect(200);
    expect(dismissed.body).toMatchObject({ status: 'DISMISSED', taskStatus: 'PUBLISHED', actions: [] });
    expect((await taskRow(t, f.taskId)).status).toBe('PUBLISHED');
    const inbox = await t.http().get('/api/v1/inbox?pageSize=20').set('Authorization', orgmember).expect(200);
    const titles = (inbox.body.items as Array<{ template: string }>).map((m) => m.template);
    expect(titles).toEqual(
      expect.arrayContaining(['evaluation.result.objection_dismissed', 'evaluation.result.published']),
    );
  });

  it('a dismissal inside the window leaves publication to the window’s end', async () => {
    const f = await submittedFinalTask(t, '窗口内驳回任务');
    await confirm(f.taskId).expect(200);
    const filed = await object(f.taskId).expect(201);
    await t
      .http()
      .post(`/api/v1/evaluation/objections/${filed.body.id}/dismiss`)
      .set('Authorization', officer)
      .send({ answer: '评分依据充分。' })
      .expect(200);
    expect((await taskRow(t, f.taskId)).status).toBe('CONFIRMED');
    expect('dueInMs' in (await publication.windowTick(f.taskId))).toBe(true);
    await windowPassed(t, f.taskId);
    expect(await publication.windowTick(f.taskId)).toEqual({ result: 'PUBLISHED' });
  });

  it('an upheld objection sends the result back to the evaluator; a new confirmation opens a new window', async () => {
    const f = await submittedFinalTask(t, '异议成立任务');
    await confirm(f.taskId).expect(200);
    const filed = await object(f.taskId, '服务对象覆盖率按计划人数计算有误，实际计划为 400 人。').expect(201);
    const upheld = await t
      .http()
      .post(`/api/v1/evaluation/objections/${filed.body.id}/uphold`)
      .set('Authorization', officer)
      .send({ answer: '核实计划人数为 400 人，退回重新评估。' })
      .expect(200);
    expect(upheld.body).toMatchObject({ status: 'UPHELD', taskStatus: 'RETURNED' });
    const row = await taskRow(t, f.taskId);
    expect(row.status).toBe('RETURNED');
    expect(row.return_comment).toContain('实际计划为 400 人');
    expect(row.return_comment).toContain('退回重新评估');
    // the evaluator is told; the window's job finds nothing to publish
    const evaluatorInbox = await t
      .http()
      .get('/api/v1/inbox?pageSize=5')
      .set('Authorization', await bearer(t, 'evaluator'))
      .expect(200);
    expect((evaluatorInbox.body.items as Array<{ template: string }>)[0].template).toBe(
      'evaluation.result.returned_by_objection',
    );
    expect(await publication.windowTick(f.taskId)).toEqual({ result: 'NOT_CONFIRMED' });
    await object(f.taskId).expect(409);

    // the evaluator resubmits (the scoring part's route); the officer confirms again: a new window
    await markSubmitted(t, f.taskId, { score: '86.40', grade: 'GOOD' });
    const again = await confirm(f.taskId).expect(200);
    expect(again.body).toMatchObject({ status: 'CONFIRMED', windowOpen: true, totalScore: '86.40' });
    const second = await object(f.taskId, '对重新评估的结果仍有不同意见，请说明依据。').expect(201);
    expect(second.body.status).toBe('FILED');
    const mine = await t.http().get(`/api/v1/evaluation/results/${f.taskId}`).set('Authorization', orgmember);
    expect((mine.body.objections as Array<{ status: string }>).map((o) => o.status)).toEqual(['FILED', 'UPHELD']);
  });

  it('publication pays the oracle’s 84.16 (良好) final tranche in full, and the project and its needs follow', async () => {
    const needId = await approvedNeed(t, '评估公布需求');
    await t.ds.query("UPDATE needs SET status = 'IN_PROCUREMENT' WHERE id = ?", [needId]);
    const { taskId, contract } = await submittedTaskWithMoney(t, ORACLE_RESULT, { needIds: [needId] });
    // the first two tranches are paid as usual (request, approval, payment)
    for (const milestoneId of contract.milestoneIds.slice(0, 2)) {
      const r = await t
        .http()
        .post(`/api/v1/contracts/${contract.contractId}/milestones/${milestoneId}/payment-request`)
        .set('Authorization', orgmember)
        .expect(201);
      await t.http().post(`/api/v1/payment-requests/${r.body.id}/approve`).set('Authorization', officer).expect(200);
      await t.http().post(`/api/v1/payment-requests/${r.body.id}/pay`).set('Authorization', finance).expect(200);
    }
    await confirm(taskId).expect(200);
    await windowPassed(t, taskId);
    expect(await publication.windowTick(taskId)).toEqual({ result: 'PUBLISHED' });

    const [req] = (await t.ds.query(
      'SELECT id, status, tranche_fen, amount_fen, released_fen, final_outcome, evaluation_ref FROM payment_requests WHERE milestone_id = ?',
      [contract.milestoneIds[2]],
    )) as Array<Record<string, string | number>>;
    expect(req).toMatchObject({
      status: 'REQUESTED',
      final_outcome: 'FULL',
      released_fen: '0',
      evaluation_ref: `evaluation_task/${taskId}`,
    });
    expect(String(req.amount_fen)).toBe(contract.tranchesFen[2].toString());
    expect(String(req.tranche_fen)).toBe(contract.tranchesFen[2].toString());
    // the record: score and grade
    const record = (await t.ds.query(
      "SELECT grade_label FROM organisation_records WHERE reference_type = 'evaluation_task' AND reference_id = ?",
      [String(taskId)],
    )) as Array<{ grade_label: string }>;
    expect(record).toEqual([{ grade_label: '良好' }]);
    // the residents see the grade on their need's timeline
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM need_events WHERE need_id = ? AND template = 'evaluation.result.step_published'",
        [needId],
      ),
    ).toBe(1);
    // the project is still IN_PROGRESS: the final tranche is not paid yet
    expect(await t.ds.query('SELECT status FROM projects WHERE id = ?', [contract.projectId])).toEqual([
      { status: 'IN_PROGRESS' },
    ]);

    // 尾款已支付: the contract and the project complete, the project is evaluated, the needs follow
    await t.http().post(`/api/v1/payment-requests/${req.id}/approve`).set('Authorization', officer).expect(200);
    await t.http().post(`/api/v1/payment-requests/${req.id}/pay`).set('Authorization', finance).expect(200);
    expect(await t.ds.query('SELECT status FROM projects WHERE id = ?', [contract.projectId])).toEqual([
      { status: 'EVALUATED' },
    ]);
    expect(await t.ds.query('SELECT status FROM needs WHERE id = ?', [needId])).toEqual([{ status: 'EVALUATED' }]);
    const steps = (await t.ds.query(
      "SELECT template FROM need_events WHERE need_id = ? AND kind = 'STEP' ORDER BY id",
      [needId],
    )) as Array<{ template: string }>;
    expect(steps.map((s) => s.template)).toEqual(
      expect.arrayContaining(['evaluation.result.step_published', 'contracts.payment.step_final_paid']),
    );
    const timeline = await t
      .http()
      .get(`/api/v1/needs/${needId}/timeline`)
      .set('Authorization', await bearer(t, 'resident'))
      .expect(200);
    expect(JSON.stringify(timeline.body)).toContain('尾款已支付');
    expect(JSON.stringify(timeline.body)).toContain('评估结果公布：良好（84.16 分）');
  });

  it('a final milestone accepted only after publication gets its tranche from the published result then', async () => {
    const { taskId, contract } = await submittedTaskWithMoney(t, ORACLE_RESULT, { accepted: 2 });
    await confirm(taskId).expect(200);
    await windowPassed(t, taskId);
    expect(await publication.windowTick(taskId)).toEqual({ result: 'PUBLISHED' });
    const finalId = contract.milestoneIds[2];
    expect(await count('SELECT COUNT(*) AS n FROM payment_requests WHERE milestone_id = ?', [finalId])).toBe(0);
    // the officer accepts the final report (the milestones part's route): the acceptance's listeners run
    await acceptMilestone(t.ds, finalId);
    await t.ds.transaction(async (em) => {
      const c = await em.findOneByOrFail(ContractEntity, { id: contract.contractId });
      const m = await em.findOneByOrFail(ContractMilestoneEntity, { id: finalId });
      await t.app.get(ContractHooks).milestoneAccepted(em, { contract: c, milestone: m, now: new Date() });
    });
    const [req] = (await t.ds.query(
      'SELECT status, final_outcome, evaluation_ref FROM payment_requests WHERE milestone_id = ?',
      [finalId],
    )) as Array<Record<string, string>>;
    expect(req).toEqual({ status: 'REQUESTED', final_outcome: 'FULL', evaluation_ref: `evaluation_task/${taskId}` });
  });

  it('a 合格 score reduces the final tranche, checked to the fen against the contract', async () => {
    const { taskId, contract } = await submittedTaskWithMoney(t, { score: '75.50', grade: 'PASS' });
    await confirm(taskId).expect(200);
    await windowPassed(t, taskId);
    expect(await publication.windowTick(taskId)).toEqual({ result: 'PUBLISHED' });
    const [m] = (await t.ds.query('SELECT amount_fen FROM contract_milestones WHERE id = ?', [
      contract.milestoneIds[2],
    ])) as Array<{ amount_fen: string }>;
    const tranche = BigInt(m.amount_fen);
    const reduction = (tranche * BigInt(t.env.FINAL_TRANCHE_REDUCTION_BP) + 5000n) / 10000n; // half-up to the fen
    const [req] = (await t.ds.query(
      'SELECT amount_fen, released_fen, final_outcome FROM payment_requests WHERE milestone_id = ?',
      [contract.milestoneIds[2]],
    )) as Array<{ amount_fen: string; released_fen: string; final_outcome: string }>;
    expect(req.final_outcome).toBe('REDUCED');
    expect(BigInt(req.released_fen)).toBe(reduction);
    expect(BigInt(req.amount_fen)).toBe(tranche - reduction);
    expect(BigInt(req.amount_fen) + BigInt(req.released_fen)).toBe(tranche);
    // the last 30 % of 12 345 679 fen takes the remainder: 3 703 705 fen; 15 % of it, 555 555.75, is 555 556 fen
    expect([tranche, reduction]).toEqual([3_703_705n, 555_556n]);
  });

  it('a 不合格 result withholds the tranche and bars the organisation from the next tender of the district, saying why — not in another district', async () => {
    const [bidder] = await makeBidders(t, 1, 'evalbar');
    const xuanwu = await regionId(t.ds, '320102000000');
    await t.ds.query('INSERT INTO organisation_service_areas (organisation_id, region_id) VALUES (?, ?)', [
      bidder.organisationId,
      xuanwu,
    ]);
    const { taskId, contract } = await submittedTaskWithMoney(
      t,
      { score: '55.00', grade: 'FAIL' },
      { organisationId: bidder.organisationId as number },
    );
    await confirm(taskId).expect(200);
    await windowPassed(t, taskId);
    expect(await publication.windowTick(taskId)).toEqual({ result: 'PUBLISHED' });

    const [req] = (await t.ds.query(
      'SELECT status, amount_fen, released_fen, final_outcome FROM payment_requests WHERE milestone_id = ?',
      [contract.milestoneIds[2]],
    )) as Array<{ status: string; amount_fen: string; released_fen: string; final_outcome: string }>;
    expect(req).toMatchObject({ status: 'WITHHELD', final_outcome: 'WITHHELD', amount_fen: '0' });
    expect(req.released_fen).toBe(contract.tranchesFen[2].toString());

    const [bar] = (await t.ds.query(
      "SELECT b.region_path, r.code, DATE_FORMAT(b.until_date, '%Y-%m-%d') AS until_date, b.ends_at FROM organisation_bars b JOIN regions r ON r.id = b.region_id WHERE b.source_id = ?",
      [taskId],
    )) as Array<{ region_path: string; code: string; until_date: string; ends_at: Date }>;
    expect(bar.code).toBe('320106000000'); // 鼓楼区: the district of the contract's community
    const [{ today }] = (await t.ds.query(
      "SELECT DATE_FORMAT(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+08:00'), '%Y-%m-%d') AS today",
    )) as Array<{ today: string }>;
    const [y, mo, d] = today.split('-').map(Number);
    const months = t.env.EVALUATION_FAIL_BAR_MONTHS;
    const until = new Date(Date.UTC(y, mo - 1 + months, 1));
    const last = new Date(Date.UTC(until.getUTCFullYear(), until.getUTCMonth() + 1, 0)).getUTCDate();
    const expected = `${until.getUTCFullYear()}-${String(until.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
    expect(bar.until_date).toBe(expected);
    const [{ code }] = (await t.ds.query('SELECT code FROM evaluation_tasks WHERE id = ?', [taskId])) as Array<{
      code: string;
    }>;

    // the next tender of 鼓楼区: the real interest registration refuses, with the evaluation, score, grade and date
    const tenderId = await publishedTender(t, '禁入测试采购');
    const tenders = t.app.get(TendersService);
    await expect(tenders.registerInterest(bidder, tenderId)).rejects.toMatchObject({
      code: 'BID_NOT_ELIGIBLE',
      extra: {
        reasons: [`因评估 ${code} 结果为不合格（55.00 分），${expected} 前（含当日）不得在鼓楼区参与投标`],
      },
    });
    // a tender of 玄武区 (where it also serves) is open to it
    const [{ path: xuanwuPath }] = (await t.ds.query('SELECT path FROM regions WHERE id = ?', [xuanwu])) as Array<{
      path: string;
    }>;
    const reasons = await tenders.ineligibility(
      t.ds.manager,
      bidder.organisationId as number,
      { regionPath: xuanwuPath, minGrade: null, designatedOrganisationId: null },
      new Date(),
    );
    expect(reasons).toEqual([]);
    // the record says it twice: the result, and the bar
    const lines = (await t.ds.query(
      'SELECT kind, template FROM organisation_records WHERE organisation_id = ? ORDER BY id',
      [bidder.organisationId],
    )) as Array<{ kind: string; template: string }>;
    expect(lines).toEqual(
      expect.arrayContaining([
        { kind: 'EVALUATION', template: 'organisations.record.evaluation_result' },
        { kind: 'BAR', template: 'organisations.record.barred' },
      ]),
    );
    // a second publication attempt changes nothing
    expect(await publication.windowTick(taskId)).toEqual({ result: 'NOT_CONFIRMED' });
    expect(await count('SELECT COUNT(*) AS n FROM organisation_bars WHERE source_id = ?', [taskId])).toBe(1);
  });
});
