import ExcelJS from 'exceljs';

import {
  activeContract,
  AGENCY_RENXIN,
  AGENCY_ZHONGPING,
  openFinalTask,
  organisationId,
  SUNSHINE,
} from '../factories/evaluation-tasks.factory';
import { insertTemplate } from '../factories/evaluation.factory';
import { bearer, createTestApp, TestApp, userId } from '../support/test-app';

/**
 * The evaluation tasks' routes over HTTP (issue #11 items 2 and 7): the list and its filters, the detail with the
 * reader's actions, the officer's final task and the contracts still waiting for one, assignment's refusals, the
 * sampling batches with their summaries and Excel exports, the evaluators' declarations and the desk.
 */
describe('evaluation tasks over HTTP', () => {
  let t: TestApp;
  const run = Date.now().toString(36);
  const tokens = new Map<string, string>();
  const as = async (user: string): Promise<string> => {
    if (!tokens.has(user)) tokens.set(user, await bearer(t, user));
    return tokens.get(user) as string;
  };
  const get = async (user: string, url: string) =>
    t
      .http()
      .get(url)
      .set('Authorization', await as(user));
  const post = async (user: string, url: string, body?: object) => {
    const req = t
      .http()
      .post(url)
      .set('Authorization', await as(user));
    return body === undefined ? req : req.send(body);
  };

  let openId: number;
  let assignedId: number;
  let assignedCode: string;

  beforeAll(async () => {
    t = await createTestApp();
    await insertTemplate(t, { code: `TE-${run}` });
    openId = await openFinalTask(t, (await activeContract(t, `路由待分派 ${run}`)).contractId);
    assignedId = await openFinalTask(t, (await activeContract(t, `路由已分派 ${run}`)).contractId);
    const res = await post('officer', '/api/v1/evaluation/tasks/assign', {
      taskIds: [assignedId],
      agencyId: await organisationId(t, AGENCY_ZHONGPING),
      evaluatorId: await userId(t.ds, 'evaluator'),
    });
    expect(res.status).toBe(200);
    assignedCode = res.body[0].code as string;
  }, 120_000);
  afterAll(() => t.close());

  it('lists tasks as a page, filtered by status, kind and keyword', async () => {
    const q = encodeURIComponent(run);
    const all = await get('officer', `/api/v1/evaluation/tasks?q=${q}`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    const open = await get('officer', `/api/v1/evaluation/tasks?q=${q}&status=OPEN&kind=FINAL`);
    expect(open.body.items.map((x: { id: number }) => x.id)).toEqual([openId]);
    const both = await get('officer', `/api/v1/evaluation/tasks?q=${q}&status=OPEN,ASSIGNED&sort=code`);
    expect(both.body.total).toBe(2);
    const byCode = await get('officer', `/api/v1/evaluation/tasks?q=${encodeURIComponent(assignedCode)}`);
    expect(byCode.body.items).toEqual([
      expect.objectContaining({
        id: assignedId,
        code: assignedCode,
        kind: 'FINAL',
        status: 'ASSIGNED',
        organisationName: SUNSHINE,
        regionName: expect.any(String),
        agencyName: AGENCY_ZHONGPING,
        evaluatorName: expect.stringContaining('孙评估员'),
        batchId: null,
        dueAt: expect.stringMatching(/T16:00:00\.000Z$/),
        overdueAt: null,
        totalScore: null,
        grade: null,
      }),
    ]);
    expect((await get('officer', `/api/v1/evaluation/tasks?q=${q}&overdue=true`)).body.total).toBe(0);
    // the evaluator's own list holds the assigned task only
    const mine = await get('evaluator', `/api/v1/evaluation/tasks?q=${q}`);
    expect(mine.body.items.map((x: { id: number }) => x.id)).toEqual([assignedId]);
    expect((await get('officer', '/api/v1/evaluation/tasks?status=DONE')).status).toBe(400);
    expect((await get('officer', '/api/v1/evaluation/tasks?pageSize=101')).status).toBe(400);
  });

  it('shows a task with its contract, template and what the reader may do', async () => {
    // the template the task was made with: its catalogue item's default (seeded), else the newest active one
    const [expected] = (await t.ds.query(
      `SELECT tp.code FROM evaluation_tasks k JOIN evaluation_templates tp ON tp.id = k.template_id WHERE k.id = ?`,
      [openId],
    )) as Array<{ code: string }>;
    const res = await get('officer', `/api/v1/evaluation/tasks/${openId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: openId,
      view: 'STAFF',
      status: 'OPEN',
      contract: { status: 'ACTIVE', termStart: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      template: { code: expected.code, version: 1, name: expect.any(String) },
      agencyId: null,
      evaluatorId: null,
      actions: { assign: true, reassign: false, start: false, submit: false, confirm: false, object: false },
    });
    const auditor = await get('auditor', `/api/v1/evaluation/tasks/${openId}`);
    expect(auditor.body.actions.assign).toBe(false);
    expect((await get('officer', '/api/v1/evaluation/tasks/abc')).status).toBe(400);
  });

  it('lists the contracts still waiting for a final task, and makes one at once (idempotent, live contracts only)', async () => {
    const c = await activeContract(t, `路由候选 ${run}`, { termEndInDays: 100 });
    const before = await get('officer', '/api/v1/evaluation/final-task-candidates');
    const mine = (before.body as Array<{ contractId: number; opensAt: string; dueAt: string }>).find(
      (x) => x.contractId === c.contractId,
    );
    expect(mine).toMatchObject({ contractCode: c.code, contractStatus: 'ACTIVE' });
    expect(Date.parse(mine?.opensAt as string)).toBeLessThan(Date.parse(mine?.dueAt as string));
    const xw = await get('xw_officer', '/api/v1/evaluation/final-task-candidates');
    expect((xw.body as Array<{ contractId: number }>).some((x) => x.contractId === c.contractId)).toBe(false);

    const made = await post('officer', `/api/v1/evaluation/contracts/${c.contractId}/final-task`);
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ kind: 'FINAL', status: 'OPEN', contractId: c.contractId });
    const again = await post('officer', `/api/v1/evaluation/contracts/${c.contractId}/final-task`);
    expect(again.body.id).toBe(made.body.id);
    const after = await get('officer', '/api/v1/evaluation/final-task-candidates');
    expect((after.body as Array<{ contractId: number }>).some((x) => x.contractId === c.contractId)).toBe(false);

    const foreign = await post('xw_officer', `/api/v1/evaluation/contracts/${c.contractId}/final-task`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('EVALUATION_CONTRACT_NOT_FOUND');
    const signedOnly = await activeContract(t, `路由草稿 ${run}`);
    await t.ds.query("UPDATE contracts SET status = 'TERMINATED' WHERE id = ?", [signedOnly.contractId]);
    const dead = await post('officer', `/api/v1/evaluation/contracts/${signedOnly.contractId}/final-task`);
    expect(dead.status).toBe(422);
    expect(dead.body.code).toBe('EVALUATION_TASK_INVALID');
  });

  it('refuses an assignment to what is not an active agency, or to someone who is not its evaluator', async () => {
    const notAgency = await post('officer', '/api/v1/evaluation/tasks/assign', {
      taskIds: [openId],
      agencyId: await organisationId(t, SUNSHINE),
      evaluatorId: await userId(t.ds, 'evaluator'),
    });
    expect(notAgency.status).toBe(422);
    expect(notAgency.body.errors).toEqual([expect.objectContaining({ field: 'agencyId' })]);
    const notTheirs = await post('officer', '/api/v1/evaluation/tasks/assign', {
      taskIds: [openId],
      agencyId: await organisationId(t, AGENCY_RENXIN),
      evaluatorId: await userId(t.ds, 'evaluator'),
    });
    expect(notTheirs.status).toBe(422);
    expect(notTheirs.body.errors).toEqual([expect.objectContaining({ field: 'evaluatorId' })]);
    const missing = await post('officer', '/api/v1/evaluation/tasks/assign', {
      taskIds: [openId, 2147483000],
      agencyId: await organisationId(t, AGENCY_ZHONGPING),
      evaluatorId: await userId(t.ds, 'evaluator'),
    });
    expect(missing.status).toBe(404);
    // all or none: the existing task is still OPEN
    expect((await get('officer', `/api/v1/evaluation/tasks/${openId}`)).body.status).toBe('OPEN');
    const empty = await post('officer', '/api/v1/evaluation/tasks/assign', {
      taskIds: [],
      agencyId: 1,
      evaluatorId: 1,
    });
    expect(empty.status).toBe(400);
  });

  it('lists the assignees with their load and exclusions', async () => {
    const res = await get('officer', `/api/v1/evaluation/tasks/${openId}/assignees`);
    expect(res.status).toBe(200);
    expect(res.body.organisationName).toBe(SUNSHINE);
    const names = (res.body.agencies as Array<{ name: string }>).map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining([AGENCY_ZHONGPING, AGENCY_RENXIN]));
    const evaluatorId = await userId(t.ds, 'evaluator');
    const sun = (
      res.body.agencies as Array<{ evaluators: Array<{ id: number; eligible: boolean; openTasks: number }> }>
    )
      .flatMap((a) => a.evaluators)
      .find((e) => e.id === evaluatorId);
    // the task assigned in beforeAll counts in their load
    expect(sun).toMatchObject({ eligible: true });
    expect(sun?.openTasks).toBeGreaterThanOrEqual(1);
  });

  it('draws a batch, lists it, summarises it per district and exports the summary to Excel', async () => {
    for (let i = 0; i < 3; i++) await activeContract(t, `路由抽查 ${run} ${i}`);
    const made = await post('officer', '/api/v1/evaluation/batches', {
      name: `路由抽查批次 ${run}`,
      samplePercent: '50',
      dueDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      samplePercent: '50.00',
      regionName: '鼓楼区',
      createdByName: expect.any(String),
    });
    const id = made.body.id as number;
    const list = await get('officer', '/api/v1/evaluation/batches');
    expect(list.body.items[0]).toMatchObject({ id, name: `路由抽查批次 ${run}` });
    expect(
      (await get('xw_officer', '/api/v1/evaluation/batches')).body.items.some((b: { id: number }) => b.id === id),
    ).toBe(false);
    expect((await get('evaluator', '/api/v1/evaluation/batches')).body.items).toEqual([]);
    const tasks = await get('officer', `/api/v1/evaluation/tasks?batchId=${id}&pageSize=100`);
    expect(tasks.body.total).toBe(made.body.drawnCount);
    expect(tasks.body.items.every((x: { kind: string; batchName: string }) => x.kind === 'MID_TERM')).toBe(true);

    // one drawn task becomes late
    await t.ds.query('UPDATE evaluation_tasks SET overdue_at = UTC_TIMESTAMP(3) WHERE id = ?', [
      tasks.body.items[0].id,
    ]);
    const summary = await get('officer', `/api/v1/evaluation/batches/${id}/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      scope: 'BATCH',
      batchId: id,
      total: { tasks: made.body.drawnCount, late: 1, graded: 0, byStatus: { OPEN: made.body.drawnCount } },
      rows: [expect.objectContaining({ regionName: '鼓楼区', late: 1 })],
      lateTasks: [expect.objectContaining({ id: tasks.body.items[0].id, kind: 'MID_TERM' })],
    });
    expect(summary.body.total.byGrade).toEqual({ EXCELLENT: 0, GOOD: 0, PASS: 0, FAIL: 0 });

    const xlsx = await t
      .http()
      .get(`/api/v1/evaluation/batches/${id}/summary.xlsx`)
      .set('Authorization', await as('officer'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    const bytes = xlsx.body as Buffer;
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '逾期任务']);
    expect(String(wb.getWorksheet('汇总')?.getCell('A1').value)).toContain(`路由抽查批次 ${run}`);
    expect(wb.getWorksheet('逾期任务')?.rowCount).toBe(2);

    // the year's summary of the district holds the batch's tasks too
    const year = Number(summary.body.lateTasks[0].dueAt.slice(0, 4));
    const byYear = await get('finance', `/api/v1/evaluation/summary?year=${year}`);
    expect(byYear.status).toBe(200);
    expect(byYear.body).toMatchObject({ scope: 'REGION_YEAR', year, regionName: '鼓楼区' });
    expect(byYear.body.total.tasks).toBeGreaterThanOrEqual(made.body.drawnCount);
    const yearXlsx = await get('auditor', `/api/v1/evaluation/summary.xlsx?year=${year}`);
    expect(yearXlsx.status).toBe(200);
    expect(yearXlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await get('officer', '/api/v1/evaluation/summary')).status).toBe(400);
    expect((await get('evaluator', `/api/v1/evaluation/summary?year=${year}`)).status).toBe(422);
  });

  it('refuses a batch below the least rate, a past due date, and a region outside the officer’s area', async () => {
    const low = await post('officer', '/api/v1/evaluation/batches', { name: `低 ${run}`, samplePercent: '20' });
    expect(low.status).toBe(422);
    expect(low.body.errors).toEqual([expect.objectContaining({ field: 'samplePercent' })]);
    const past = await post('officer', '/api/v1/evaluation/batches', { name: `过期 ${run}`, dueDate: '2020-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'dueDate' })]);
    const bad = await post('officer', '/api/v1/evaluation/batches', { name: `坏 ${run}`, samplePercent: '3e1' });
    expect(bad.status).toBe(400);
    const [xuanwu] = (await t.ds.query("SELECT id FROM regions WHERE code = '320102000000'")) as Array<{ id: number }>;
    const foreign = await post('officer', '/api/v1/evaluation/batches', { name: `越界 ${run}`, regionId: xuanwu.id });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'regionId' })]);
  });

  it('lets an evaluator declare relationships (checked) and find organisations to name', async () => {
    const found = await get('evaluator', `/api/v1/my/evaluator/organisations?q=${encodeURIComponent('阳光')}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual(expect.arrayContaining([expect.objectContaining({ name: SUNSHINE })]));
    const backwards = await post('evaluator', '/api/v1/my/evaluator/affiliations', {
      organisationId: found.body[0].id,
      kind: 'EMPLOYMENT',
      startedOn: '2024-01-01',
      endedOn: '2023-01-01',
    });
    expect(backwards.status).toBe(422);
    const nowhere = await post('evaluator', '/api/v1/my/evaluator/affiliations', {
      organisationId: 2147483000,
      kind: 'DECLARED',
    });
    expect(nowhere.status).toBe(422);
    expect((await get('evaluator', '/api/v1/my/evaluator/affiliations')).status).toBe(200);
  });

  it('puts the evaluator’s task and the officer’s unassigned tasks on their desks', async () => {
    const evaluatorDesk = await get('evaluator', '/api/v1/desk');
    expect(evaluatorDesk.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'evaluation.task_to_evaluate',
          ref: { type: 'evaluation_task', id: assignedId },
          route: `/evaluation/tasks/${assignedId}`,
          dueRule: 'EVALUATION_TASK_DUE',
        }),
      ]),
    );
    const officerDesk = await get('officer', '/api/v1/desk');
    const open = (officerDesk.body.items as Array<{ kind: string; count: number; query: Record<string, string> }>).find(
      (i) => i.kind === 'evaluation.tasks_to_assign',
    );
    expect(open).toMatchObject({ query: { status: 'OPEN' } });
    expect(open?.count).toBeGreaterThanOrEqual(1);
  });
});
