import { assignedFinalTask } from '../factories/evaluation.factory';
import { surveyProject } from '../factories/survey.factory';
import { bearer, createTestApp, TestApp, userId } from '../support/test-app';

/**
 * Issue #11 items 4, 8 and 9 over HTTP: the officer opens a project's survey, the invitation reaches the resident's
 * inbox and need timeline with its link, residents answer through the link (and are told why not when they may
 * not), the community worker records beneficiaries and takes proxy answers, the readers see figures — and the
 * evaluated organisation never learns who answered what.
 */
describe('residents’ satisfaction survey over HTTP', () => {
  let t: TestApp;
  const as: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of [
      'officer',
      'xw_officer',
      'worker',
      'yh_worker',
      'resident',
      'resident2',
      'resident3',
      'orgmember',
      'orgmember2',
      'evaluator',
      'auditor',
    ])
      as[u] = await bearer(t, u);
  });
  afterAll(() => t.close());

  const http = () => t.http();

  it('opens, invites, takes answers through the link, shows figures without identities, and closes', async () => {
    const p = await surveyProject(t, 'HTTP满意度调查项目');
    const base = `/api/v1/evaluation/projects/${p.projectId}/survey`;

    // before: the officer sees the project waiting for a survey
    const before = await http().get(base).set('Authorization', as.officer).expect(200);
    expect(before.body).toMatchObject({
      projectId: p.projectId,
      survey: null,
      figures: null,
      canOpen: true,
      organisationName: '南京市鼓楼区阳光养老服务中心',
    });
    const waiting = await http()
      .get('/api/v1/evaluation/surveys?status=NONE&q=HTTP满意度&pageSize=100')
      .set('Authorization', as.officer)
      .expect(200);
    expect(waiting.body.items.map((r: { id: number }) => r.id)).toContain(p.projectId);

    const opened = await http().post(base).set('Authorization', as.officer).send({}).expect(201);
    expect(opened.body.survey).toMatchObject({
      status: 'OPEN',
      questions: ['OVERALL', 'ATTITUDE', 'TIMELINESS', 'QUALITY', 'RECOMMEND'],
    });
    const link = opened.body.survey.link as string;
    expect(link).toMatch(/^\/s\/[0-9a-f]{32}$/);
    const token = link.slice(3);
    expect(opened.body.canOpen).toBe(false);
    expect((await http().post(base).set('Authorization', as.officer).send({})).body.code).toBe(
      'EVALUATION_SURVEY_EXISTS',
    );

    // the invitation: the raiser's inbox (with the link) and the need's timeline (请为服务打分)
    const inbox = await http().get('/api/v1/inbox?pageSize=50').set('Authorization', as.resident).expect(200);
    const message = (inbox.body.items as Array<{ title: string; link: string | null; needId: number | null }>).find(
      (m) => m.link === link,
    );
    expect(message).toMatchObject({ needId: p.needId });
    expect(message?.title).toContain('请为服务打分');
    const timeline = await http()
      .get(`/api/v1/needs/${p.needId}/timeline`)
      .set('Authorization', as.resident)
      .expect(200);
    expect(timeline.body).toContainEqual(
      expect.objectContaining({
        kind: 'STEP',
        template: 'evaluation.step.survey_opened',
        link,
        text: expect.stringContaining('请为服务打分'),
      }),
    );

    // the resident through the link: may answer, answers, changes the answer
    const mine = await http().get(`/api/v1/surveys/${token}`).set('Authorization', as.resident).expect(200);
    expect(mine.body).toMatchObject({
      status: 'OPEN',
      eligible: true,
      reason: null,
      myAnswer: null,
      projectTitle: 'HTTP满意度调查项目',
    });
    await http()
      .put(`/api/v1/surveys/${token}/my-answer`)
      .set('Authorization', as.resident)
      .send({ answers: [4, 4, 4, 4, 4] })
      .expect(200);
    const changed = await http()
      .put(`/api/v1/surveys/${token}/my-answer`)
      .set('Authorization', as.resident)
      .send({ answers: [5, 5, 5, 4, 5], comment: '饭菜可口，很满意' })
      .expect(200);
    expect(changed.body.myAnswer).toMatchObject({
      answers: [5, 5, 5, 4, 5],
      comment: '饭菜可口，很满意',
      channel: 'SELF',
    });
    const listed = await http().get('/api/v1/my/surveys').set('Authorization', as.resident).expect(200);
    expect(listed.body).toContainEqual(expect.objectContaining({ token, link, status: 'OPEN', answered: true }));

    // a resident who is not linked is told why, and refused with the reason
    const stranger = await http().get(`/api/v1/surveys/${token}`).set('Authorization', as.resident2).expect(200);
    expect(stranger.body).toMatchObject({ eligible: false, reason: 'NOT_LINKED' });
    const refused = await http()
      .put(`/api/v1/surveys/${token}/my-answer`)
      .set('Authorization', as.resident2)
      .send({ answers: [1, 1, 1, 1, 1] });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'EVALUATION_SURVEY_NOT_ELIGIBLE', reason: 'NOT_LINKED' });
    expect(refused.body.detail).toMatch(/community worker to record you/);

    // the worker records resident2 (by phone) and resident3 (by username) and takes resident3's answer
    const cbase = `/api/v1/community/projects/${p.projectId}`;
    await http()
      .post(`${cbase}/beneficiaries`)
      .set('Authorization', as.worker)
      .send({ resident: '13800000002' })
      .expect(200);
    const recorded = await http()
      .post(`${cbase}/beneficiaries`)
      .set('Authorization', as.worker)
      .send({ resident: 'resident3' })
      .expect(200);
    expect(recorded.body.map((r: { displayName: string }) => r.displayName)).toEqual(
      expect.arrayContaining(['李阿姨', '王奶奶', '张大爷']),
    );
    const resident2Inbox = await http().get('/api/v1/inbox?pageSize=50').set('Authorization', as.resident2).expect(200);
    expect(resident2Inbox.body.items).toContainEqual(
      expect.objectContaining({ link, template: 'evaluation.survey.invitation' }),
    );
    await http()
      .put(`/api/v1/surveys/${token}/my-answer`)
      .set('Authorization', as.resident2)
      .send({ answers: [2, 3, 3, 3, 3], comment: '口味一般' })
      .expect(200);
    const r3 = await userId(t.ds, 'resident3');
    const afterProxy = await http()
      .post(`${cbase}/survey/proxy-answers`)
      .set('Authorization', as.worker)
      .send({ residentId: r3, answers: [5, 5, 5, 5, 5], comment: '老人口述：送餐准时' })
      .expect(200);
    expect(afterProxy.body.find((r: { userId: number }) => r.userId === r3)).toMatchObject({
      answered: 'PROXY',
      sources: ['BENEFICIARY'],
    });
    // a worker of another community reaches nothing of it
    expect(
      (await http().get(`/api/v1/community/projects/${p.projectId}/survey`).set('Authorization', as.yh_worker)).status,
    ).toBe(404);
    const workerView = await http()
      .get(`/api/v1/community/projects/${p.projectId}/survey`)
      .set('Authorization', as.worker)
      .expect(200);
    expect(workerView.body.survey.link).toBe(link);

    // the readers: 3 answers of 3 eligible, 2 satisfied, 1 proxied
    const figures = {
      answers: 3,
      eligible: 3,
      responseRate: '100.00',
      satisfied: 2,
      satisfactionRate: '66.67',
      proxied: 1,
    };
    const officerView = await http().get(base).set('Authorization', as.officer).expect(200);
    expect(officerView.body.figures).toMatchObject(figures);
    expect([...officerView.body.figures.comments].sort()).toEqual(
      ['饭菜可口，很满意', '口味一般', '老人口述：送餐准时'].sort(),
    );
    const residentsList = await http().get(`${base}/residents`).set('Authorization', as.officer).expect(200);
    expect(residentsList.body.map((r: { answered: string | null }) => r.answered).sort()).toEqual([
      'PROXY',
      'SELF',
      'SELF',
    ]);
    expect(JSON.stringify(residentsList.body)).not.toMatch(/可口|一般|口述|"answers"|comment/);
    for (const reader of ['auditor'])
      expect((await http().get(base).set('Authorization', as[reader]).expect(200)).body.figures).toMatchObject(figures);

    // the evaluated organisation: the same figures and the anonymous free texts — no names, usernames, ids, phones
    // or link, and no way to the list of residents
    const org = await http().get(base).set('Authorization', as.orgmember).expect(200);
    expect(org.body.figures).toEqual(officerView.body.figures);
    expect(org.body.survey.link).toBeNull();
    const text = JSON.stringify(org.body);
    for (const secret of ['张大爷', '李阿姨', '王奶奶', '陈社工', 'resident', '13800000', token])
      expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
    expect(text).not.toMatch(/residentId|userId|proxyBy|displayName|phone|username|channel/);
    const orgList = await http()
      .get('/api/v1/evaluation/surveys?pageSize=100')
      .set('Authorization', as.orgmember)
      .expect(200);
    expect(orgList.body.items.map((r: { id: number }) => r.id)).toContain(p.projectId);
    expect(JSON.stringify(orgList.body)).not.toMatch(/residentId|displayName|phone|username|\/s\//);
    expect((await http().get(`${base}/residents`).set('Authorization', as.orgmember)).status).toBe(403);
    // another organisation and another district: not found
    expect((await http().get(base).set('Authorization', as.orgmember2)).status).toBe(404);
    expect((await http().get(base).set('Authorization', as.xw_officer)).status).toBe(404);
    // an evaluator without a task on the project: not found
    expect((await http().get(base).set('Authorization', as.evaluator)).status).toBe(404);

    // the officer closes it: answers are refused, the resident still sees theirs
    const closed = await http().post(`${base}/close`).set('Authorization', as.officer).expect(200);
    expect(closed.body.survey).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    const late = await http()
      .put(`/api/v1/surveys/${token}/my-answer`)
      .set('Authorization', as.resident)
      .send({ answers: [1, 1, 1, 1, 1] });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('EVALUATION_SURVEY_CLOSED');
    expect(
      (await http().get(`/api/v1/surveys/${token}`).set('Authorization', as.resident).expect(200)).body,
    ).toMatchObject({
      status: 'CLOSED',
      myAnswer: { answers: [5, 5, 5, 4, 5] },
    });
    expect((await http().post(`${base}/close`).set('Authorization', as.officer)).body.code).toBe(
      'EVALUATION_SURVEY_ILLEGAL_TRANSITION',
    );
  });

  it('lets the evaluator of the project’s task read the figures', async () => {
    const task = await assignedFinalTask(t, '评估员读调查项目');
    const base = `/api/v1/evaluation/projects/${task.projectId}/survey`;
    await http().post(base).set('Authorization', as.officer).send({}).expect(201);
    const res = await http().get(base).set('Authorization', as.evaluator).expect(200);
    expect(res.body.figures).toMatchObject({ answers: 0, eligible: 1 });
    const list = await http()
      .get('/api/v1/evaluation/surveys?pageSize=100')
      .set('Authorization', as.evaluator)
      .expect(200);
    // the projects of the evaluator's own tasks only (other suites of the run assign tasks to them too)
    const listed = list.body.items.map((r: { id: number }) => r.id) as number[];
    expect(listed).toContain(task.projectId);
    const [own] = (await t.ds.query(
      `SELECT COUNT(DISTINCT s.project_id) AS n FROM evaluation_surveys s
         JOIN evaluation_tasks k ON k.project_id = s.project_id
         JOIN users u ON u.id = k.evaluator_id AND u.username = 'evaluator'`,
    )) as Array<{ n: string }>;
    expect(listed).toHaveLength(Number(own.n));
  });

  it('lets the community worker open the survey with a closing date, and refuses bad input', async () => {
    const p = await surveyProject(t, '社工开启调查项目');
    const cbase = `/api/v1/community/projects/${p.projectId}/survey`;
    const past = await http().post(cbase).set('Authorization', as.worker).send({ closesOn: '2020-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'closesOn' })]);
    const [{ d }] = (await t.ds.query(
      "SELECT DATE_FORMAT(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+08:00') + INTERVAL 7 DAY, '%Y-%m-%d') AS d",
    )) as Array<{ d: string }>;
    const ok = await http().post(cbase).set('Authorization', as.worker).send({ closesOn: d }).expect(201);
    // 24:00 Beijing of the chosen day
    expect(new Date(ok.body.survey.closesAt).toISOString()).toBe(new Date(`${d}T16:00:00.000Z`).toISOString());
    const token = (ok.body.survey.link as string).slice(3);
    for (const body of [
      { answers: [6, 4, 4, 4, 4] },
      { answers: [] },
      { answers: ['5', 4, 4, 4, 4] },
      { answers: [5, 4, 4, 4, 4], extra: 1 },
    ])
      expect(
        (await http().put(`/api/v1/surveys/${token}/my-answer`).set('Authorization', as.resident).send(body)).status,
      ).toBe(400);
    const short = await http()
      .put(`/api/v1/surveys/${token}/my-answer`)
      .set('Authorization', as.resident)
      .send({ answers: [5, 4] });
    expect(short.status).toBe(422);
    expect((await http().get('/api/v1/surveys/not-a-token').set('Authorization', as.resident)).status).toBe(400);
    expect(
      (
        await http()
          .get(`/api/v1/surveys/${'0'.repeat(32)}`)
          .set('Authorization', as.resident)
      ).status,
    ).toBe(404);
    // only residents answer; only the officer closes
    expect((await http().get(`/api/v1/surveys/${token}`).set('Authorization', as.worker)).status).toBe(403);
    expect(
      (await http().post(`/api/v1/evaluation/projects/${p.projectId}/survey/close`).set('Authorization', as.worker))
        .status,
    ).toBe(403);
  });
});
