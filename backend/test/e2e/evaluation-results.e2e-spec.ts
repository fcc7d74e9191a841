import { PublicationService } from '../../src/modules/evaluation/services/publication.service';
import { OBJECTION_PDF, submittedFinalTask, taskRow, windowPassed } from '../factories/evaluation-results.factory';
import { openedTender } from '../factories/tender-stages.factory';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * The HTTP routes of review, objection and publication (issue #11 item 5): who may call them, what they answer,
 * and what they refuse — scope (another district's officer, another organisation: 404), illegal moves (409), a
 * late objection (409 EVALUATION_OBJECTION_WINDOW_CLOSED), bad input (400/422) — and the committee's view of a
 * bidder's published grades.
 */
describe('evaluation results over HTTP', () => {
  let t: TestApp;
  const as: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['officer', 'xw_officer', 'orgmember', 'orgmember2', 'evaluator', 'auditor', 'finance'])
      as[u] = await bearer(t, u);
  });
  afterAll(async () => t.close());

  const post = (path: string, user: string, body?: object) => {
    const req = t.http().post(path).set('Authorization', as[user]);
    return body === undefined ? req : req.send(body);
  };
  const get = (path: string, user: string) => t.http().get(path).set('Authorization', as[user]);

  it('shows a submitted result to the region’s officer with its decisions, not yet to the organisation', async () => {
    const f = await submittedFinalTask(t, '结果查看任务');
    const list = await get('/api/v1/evaluation/results?status=SUBMITTED&pageSize=100', 'officer').expect(200);
    const mine = (list.body.items as Array<{ id: number; actions: string[]; totalScore: string }>).find(
      (r) => r.id === f.taskId,
    );
    expect(mine).toMatchObject({ actions: ['CONFIRM', 'RETURN'], totalScore: '84.16' });
    expect(mine).toHaveProperty('reportUrl', `/api/v1/evaluation/tasks/${f.taskId}/report.pdf`);
    // the organisation sees its results once confirmed; another district's officer never
    await get(`/api/v1/evaluation/results/${f.taskId}`, 'orgmember').expect(404);
    await get(`/api/v1/evaluation/results/${f.taskId}`, 'xw_officer').expect(404);
    const xw = await get('/api/v1/evaluation/results?pageSize=100', 'xw_officer').expect(200);
    expect((xw.body.items as Array<{ id: number }>).map((r) => r.id)).not.toContain(f.taskId);
    // the agency and the auditor read it
    await get(`/api/v1/evaluation/results/${f.taskId}`, 'evaluator').expect(200);
    await get(`/api/v1/evaluation/results/${f.taskId}`, 'auditor').expect(200);
  });

  it('confirms: only the officer of the task’s region, once; the organisation then sees the result and the window', async () => {
    const f = await submittedFinalTask(t, '确认任务');
    await post(`/api/v1/evaluation/tasks/${f.taskId}/confirm`, 'evaluator').expect(403);
    const xw = await post(`/api/v1/evaluation/tasks/${f.taskId}/confirm`, 'xw_officer').expect(404);
    expect(xw.body.code).toBe('EVALUATION_TASK_NOT_FOUND');
    const ok = await post(`/api/v1/evaluation/tasks/${f.taskId}/confirm`, 'officer').expect(200);
    expect(ok.body).toMatchObject({ status: 'CONFIRMED', windowOpen: true, actions: [] });
    const again = await post(`/api/v1/evaluation/tasks/${f.taskId}/confirm`, 'officer').expect(409);
    expect(again.body.code).toBe('EVALUATION_TASK_ILLEGAL_TRANSITION');
    const org = await get(`/api/v1/evaluation/results/${f.taskId}`, 'orgmember').expect(200);
    expect(org.body).toMatchObject({ totalScore: '84.16', grade: 'GOOD', windowOpen: true, actions: ['OBJECT'] });
    expect(org.body.objectionDueAt).toBe(ok.body.objectionDueAt);
    await get(`/api/v1/evaluation/results/${f.taskId}`, 'orgmember2').expect(404);
    // the members are told, with the deadline in Beijing time
    const inbox = await get('/api/v1/inbox?pageSize=10', 'orgmember').expect(200);
    const msg = (inbox.body.items as Array<{ template: string; body: string }>).find(
      (m) => m.template === 'evaluation.result.confirmed',
    );
    expect(msg?.body).toMatch(/24:00（北京时间）前|24:00/);
  });

  it('returns to the evaluator with comments (required); a returned result is not the organisation’s to see', async () => {
    const f = await submittedFinalTask(t, '退回任务');
    await post(`/api/v1/evaluation/tasks/${f.taskId}/return`, 'officer', {}).expect(400);
    await post(`/api/v1/evaluation/tasks/${f.taskId}/return`, 'officer', { comment: ' ' }).expect(400);
    await post(`/api/v1/evaluation/tasks/${f.taskId}/return`, 'xw_officer', { comment: '越权退回' }).expect(404);
    const r = await post(`/api/v1/evaluation/tasks/${f.taskId}/return`, 'officer', {
      comment: '服务对象覆盖率缺少走访记录，请补充。',
    }).expect(200);
    expect(r.body).toMatchObject({ status: 'RETURNED', returnComment: '服务对象覆盖率缺少走访记录，请补充。' });
    await get(`/api/v1/evaluation/results/${f.taskId}`, 'orgmember').expect(404);
    const ev = await get('/api/v1/inbox?pageSize=5', 'evaluator').expect(200);
    expect((ev.body.items as Array<{ template: string }>)[0].template).toBe('evaluation.result.returned');
  });

  it('takes an objection with its file from the evaluated organisation only, and serves the file in scope', async () => {
    const f = await submittedFinalTask(t, '异议任务');
    await post(`/api/v1/evaluation/tasks/${f.taskId}/objections`, 'orgmember', {
      reasons: '还没有确认的结果也想异议',
    }).expect(404);
    await post(`/api/v1/evaluation/tasks/${f.taskId}/confirm`, 'officer').expect(200);
    const body = (contentBase64: string) => ({
      reasons: '满意度调查只收回 8 份问卷，不应按系统计算满意度。',
      attachments: [{ fileName: '问卷记录.pdf', contentBase64 }],
    });
    await post(`/api/v1/evaluation/tasks/${f.taskId}/objections`, 'officer', body(OBJECTION_PDF)).expect(403);
    await post(`/api/v1/evaluation/tasks/${f.taskId}/objections`, 'orgmember2', body(OBJECTION_PDF)).expect(404);
    await post(`/api/v1/evaluation/tasks/${f.taskId}/objections`, 'orgmember', { reasons: '太短' }).expect(400);
    const notAFile = await post(
      `/api/v1/evaluation/tasks/${f.taskId}/objections`,
      'orgmember',
      body(Buffer.from('just text, not a document').toString('base64')),
    ).expect(422);
    expect(notAFile.body.errors[0].field).toBe('attachments[0].contentBase64');
    const filed = await post(
      `/api/v1/evaluation/tasks/${f.taskId}/objections`,
      'orgmember',
      body(OBJECTION_PDF),
    ).expect(201);
    expect(filed.body).toMatchObject({ status: 'FILED', actions: [], files: [{ fileName: '问卷记录.pdf' }] });

    const forOfficer = await get(`/api/v1/evaluation/objections/${filed.body.id}`, 'officer').expect(200);
    expect(forOfficer.body.actions).toEqual(['UPHOLD', 'DISMISS']);
    const list = await get(`/api/v1/evaluation/objections?status=FILED&taskId=${f.taskId}`, 'officer').expect(200);
    expect(list.body.items).toHaveLength(1);
    const file = await get(
      `/api/v1/evaluation/objections/${filed.body.id}/files/${filed.body.files[0].id}`,
      'officer',
    ).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(
      Buffer.from(file.body as Buffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await get(`/api/v1/evaluation/objections/${filed.body.id}`, 'orgmember2').expect(404);
    await get(`/api/v1/evaluation/objections/${filed.body.id}/files/${filed.body.files[0].id}`, 'xw_officer').expect(
      404,
    );
    const xwList = await get(`/api/v1/evaluation/objections?taskId=${f.taskId}`, 'xw_officer').expect(200);
    expect(xwList.body.items).toEqual([]);
    // the officers are told
    const inbox = await get('/api/v1/inbox?pageSize=5', 'officer').expect(200);
    expect((inbox.body.items as Array<{ template: string }>).map((m) => m.template)).toContain(
      'evaluation.result.objection_filed',
    );
  });

  it('decides an objection once, by the officer of the task’s region, with an answer', async () => {
    const f = await submittedFinalTask(t, '异议决定任务');
    await post(`/api/v1/evaluation/tasks/${f.taskId}/confirm`, 'officer').expect(200);
    const filed = await post(`/api/v1/evaluation/tasks/${f.taskId}/objections`, 'orgmember', {
      reasons: '满意度调查只收回 8 份问卷，不应按系统计算满意度。',
    }).expect(201);
    const path = `/api/v1/evaluation/objections/${filed.body.id}`;
    await post(`${path}/dismiss`, 'officer', {}).expect(400);
    await post(`${path}/dismiss`, 'orgmember', { answer: '自己驳回' }).expect(403);
    await post(`${path}/dismiss`, 'xw_officer', { answer: '越权驳回' }).expect(404);
    await post(`${path}/dismiss`, 'officer', { answer: '问卷数量符合要求。' }).expect(200);
    const twice = await post(`${path}/uphold`, 'officer', { answer: '改为成立' }).expect(409);
    expect(twice.body.code).toBe('EVALUATION_OBJECTION_ILLEGAL_TRANSITION');
    const org = await get(`/api/v1/evaluation/results/${f.taskId}`, 'orgmember').expect(200);
    expect(org.body.objections[0]).toMatchObject({ status: 'DISMISSED', answer: '问卷数量符合要求。' });
    // still inside the window: the organisation may object again
    expect(org.body.actions).toEqual(['OBJECT']);
  });

  it('refuses an objection after the window (the database clock), and then publishes', async () => {
    const f = await submittedFinalTask(t, '逾期异议任务');
    await post(`/api/v1/evaluation/tasks/${f.taskId}/confirm`, 'officer').expect(200);
    await windowPassed(t, f.taskId);
    const late = await post(`/api/v1/evaluation/tasks/${f.taskId}/objections`, 'orgmember', {
      reasons: '逾期提出的异议理由，应当被拒绝。',
    }).expect(409);
    expect(late.body.code).toBe('EVALUATION_OBJECTION_WINDOW_CLOSED');
    expect(await t.app.get(PublicationService).windowTick(f.taskId)).toEqual({ result: 'PUBLISHED' });
    expect((await taskRow(t, f.taskId)).status).toBe('PUBLISHED');
    const org = await get(`/api/v1/evaluation/results/${f.taskId}`, 'orgmember').expect(200);
    expect(org.body).toMatchObject({ status: 'PUBLISHED', windowOpen: false, actions: [] });
  });

  it('shows the committee and the officer each bidder’s published grades beside its bid, not the other bidders', async () => {
    const tender = await openedTender(t, '历次评估展示采购');
    const bids = await get(`/api/v1/tenders/${tender.id}/bids`, 'officer').expect(200);
    const sunshine = (bids.body as Array<{ id: string; pastGrades?: Array<Record<string, unknown>> }>).find(
      (b) => b.id === tender.bidIds.orgmember,
    );
    // 阳光养老's results published by the tests above (84.16, 良好), newest first
    expect(sunshine?.pastGrades?.length).toBeGreaterThan(0);
    expect(sunshine?.pastGrades?.[0]).toMatchObject({ score: '84.16', grade: 'GOOD', kind: 'FINAL' });
    expect(sunshine?.pastGrades?.[0].code).toMatch(/^PG-/);
    expect(typeof sunshine?.pastGrades?.[0].year).toBe('number');
    const asBidder = await get(`/api/v1/tenders/${tender.id}/bids`, 'orgmember2').expect(200);
    for (const b of asBidder.body as Array<{ pastGrades?: unknown }>) expect(b.pastGrades).toBeUndefined();
  });
});
