import { INestApplicationContext } from '@nestjs/common';

import { SURVEY_CLOSE_JOB, surveyCloseJob } from '../../src/modules/evaluation/jobs/survey-close.job';
import { SurveyAnswersService } from '../../src/modules/evaluation/services/survey-answers.service';
import { SurveyResidentsService } from '../../src/modules/evaluation/services/survey-residents.service';
import { SurveysService } from '../../src/modules/evaluation/services/surveys.service';
import type { Actor } from '../../src/platform/access';
import { DomainError } from '../../src/platform/http/domain-error';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import { makeResidents } from '../factories/needs.factory';
import {
  actorOf,
  addBeneficiaryRows,
  addSupporters,
  surveyOf,
  surveyProject,
  SurveyProject,
} from '../factories/survey.factory';
import { pollUntil } from '../support/poll';
import { createTestApp, createTestWorker, loseRedis, TestApp, userId } from '../support/test-app';

/**
 * Issue #11 item 4 on the real MariaDB and Redis: only eligible verified residents answer, once each (the unique
 * index, answering again replaces), under 100 concurrent answers; the survey closes by its job after a Redis wipe;
 * the figures are exact.
 */
describe('residents’ satisfaction survey (integration)', () => {
  let t: TestApp;
  let surveys: SurveysService;
  let answers: SurveyAnswersService;
  let residents: SurveyResidentsService;
  let officer: Actor;
  let worker: Actor;
  let worker2: INestApplicationContext | undefined;

  const A = (overall: number, rest = 4) => ({ answers: [overall, rest, rest, rest, rest] });
  const code = async (p: Promise<unknown>): Promise<string> => {
    try {
      await p;
      return 'OK';
    } catch (e) {
      return e instanceof DomainError ? `${e.status} ${e.code}` : String(e);
    }
  };
  const rows = async (surveyId: number) =>
    (await t.ds.query(
      'SELECT resident_id, channel, proxy_by, overall, answers, comment FROM evaluation_survey_answers WHERE survey_id = ? ORDER BY id',
      [surveyId],
    )) as Array<{
      resident_id: number;
      channel: string;
      proxy_by: number | null;
      overall: number;
      answers: string;
      comment: string | null;
    }>;

  beforeAll(async () => {
    t = await createTestApp();
    surveys = t.app.get(SurveysService);
    answers = t.app.get(SurveyAnswersService);
    residents = t.app.get(SurveyResidentsService);
    officer = await actorOf(t.ds, 'officer');
    worker = await actorOf(t.ds, 'worker');
  });
  afterAll(async () => {
    await worker2?.close();
    await t.close();
  });

  async function opened(title: string): Promise<SurveyProject & { surveyId: number; token: string }> {
    const p = await surveyProject(t, title);
    await surveys.open(officer, p.projectId, {}, 'MANAGE');
    const s = await surveyOf(t.ds, p.projectId);
    return { ...p, surveyId: s.id, token: s.token };
  }

  describe('opening', () => {
    it('opens one survey per project with a 32-hex token closing at 24:00 Beijing 30 days on; a second opening is 409', async () => {
      const p = await surveyProject(t, '调查开启项目');
      const [a, b] = await Promise.all([
        code(surveys.open(officer, p.projectId, {}, 'MANAGE')),
        code(surveys.open(worker, p.projectId, {}, 'WORKER')),
      ]);
      expect([a, b].sort()).toEqual(['409 EVALUATION_SURVEY_EXISTS', 'OK']);
      const s = await surveyOf(t.ds, p.projectId);
      expect(s.token).toMatch(/^[0-9a-f]{32}$/);
      expect(s.status).toBe('OPEN');
      // 24:00 Beijing = 16:00 UTC, 30 days after today (Beijing)
      expect(s.closes_at.toISOString()).toMatch(/T16:00:00\.000Z$/);
      const days = (s.closes_at.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29);
      expect(days).toBeLessThanOrEqual(31);
      expect(await code(surveys.open(officer, p.projectId, {}, 'MANAGE'))).toBe('409 EVALUATION_SURVEY_EXISTS');
      const audit = (await t.ds.query(
        "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'evaluation.survey.opened' AND entity_id = ?",
        [String(s.id)],
      )) as Array<{ n: string }>;
      expect(Number(audit[0].n)).toBe(1);
      // its closing job is waiting in Redis
      const job = await t.app
        .get(Deadlines)
        .queue(QUEUES.EVALUATION)
        .getJob(surveyCloseJob({ id: s.id, closesAt: s.closes_at }).jobId);
      expect(await job?.getState()).toBe('delayed');
    });

    it('needs a signed contract: a project whose contract is a draft or terminated has no survey (422)', async () => {
      for (const status of ['DRAFT', 'TERMINATED'] as const) {
        const p = await surveyProject(t, `无有效合同项目${status}`, status);
        expect(await code(surveys.open(officer, p.projectId, {}, 'MANAGE'))).toBe('422 EVALUATION_SURVEY_INVALID');
      }
    });

    it('is the officer’s of the project’s district and the worker’s of its community: others are not found', async () => {
      const p = await surveyProject(t, '越权开启项目');
      for (const [who, as] of [
        ['xw_officer', 'MANAGE'],
        ['yh_worker', 'WORKER'],
      ] as const)
        expect(await code(surveys.open(await actorOf(t.ds, who), p.projectId, {}, as))).toBe(
          '404 EVALUATION_PROJECT_NOT_FOUND',
        );
      expect(await code(surveys.open(officer, p.projectId, { closesOn: '2000-01-01' }, 'MANAGE'))).toBe(
        '422 EVALUATION_SURVEY_INVALID',
      );
    });
  });

  describe('answering', () => {
    it('lets only verified residents who raised or supported the needs, or are recorded beneficiaries, answer', async () => {
      const p = await opened('资格测试项目');
      const [supporter, beneficiary, stranger] = await makeResidents(t.ds, '320106002001', 3, `elig_${Date.now()}_`);
      const unverified = (await makeResidents(t.ds, '320106002001', 1, `unver_${Date.now()}_`))[0];
      await t.ds.query('UPDATE users SET resident_verified_at = NULL WHERE id = ?', [unverified.userId]);
      await addSupporters(t.ds, p, [supporter.userId, unverified.userId]);
      await addBeneficiaryRows(t.ds, p.projectId, [beneficiary.userId]);
      const resident = await actorOf(t.ds, 'resident'); // raised the project's need
      for (const who of [resident, supporter, beneficiary])
        expect(await code(answers.answer(who, p.token, A(5)))).toBe('OK');
      expect(await code(answers.answer(stranger, p.token, A(5)))).toBe('403 EVALUATION_SURVEY_NOT_ELIGIBLE');
      expect(await code(answers.answer(unverified, p.token, A(5)))).toBe('403 EVALUATION_SURVEY_NOT_ELIGIBLE');
      expect(await code(answers.answer(await actorOf(t.ds, 'yh_resident'), p.token, A(5)))).toBe(
        '403 EVALUATION_SURVEY_NOT_ELIGIBLE',
      );
      // each told why
      expect((await answers.forResident(stranger, p.token)).reason).toBe('NOT_LINKED');
      expect((await answers.forResident(unverified, p.token)).reason).toBe('NOT_VERIFIED');
      expect(await code(answers.answer(resident, p.token, { answers: [5, 4, 4] }))).toBe(
        '422 EVALUATION_SURVEY_INVALID',
      );
      expect((await rows(p.surveyId)).map((r) => r.resident_id).sort()).toEqual(
        [resident.userId, supporter.userId, beneficiary.userId].sort(),
      );
    });

    it('keeps one answer per resident: answering again while open replaces the first', async () => {
      const p = await opened('重复作答项目');
      const resident = await actorOf(t.ds, 'resident');
      await answers.answer(resident, p.token, { ...A(2), comment: '第一次' });
      const again = await answers.answer(resident, p.token, { answers: [5, 5, 4, 4, 3], comment: '  改了主意  ' });
      expect(again.myAnswer).toMatchObject({ answers: [5, 5, 4, 4, 3], comment: '改了主意', channel: 'SELF' });
      expect(await rows(p.surveyId)).toEqual([
        expect.objectContaining({
          resident_id: resident.userId,
          overall: 5,
          answers: '[5,5,4,4,3]',
          comment: '改了主意',
        }),
      ]);
      // the database refuses a second row whatever the code does
      await expect(
        t.ds.query(
          `INSERT INTO evaluation_survey_answers (survey_id, resident_id, channel, overall, answers, created_at, updated_at)
           VALUES (?, ?, 'SELF', 3, '[3,3,3,3,3]', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
          [p.surveyId, resident.userId],
        ),
      ).rejects.toThrow(/Duplicate entry/);
    });

    it('takes 100 concurrent answers of 100 eligible residents: exactly 100 rows', async () => {
      const p = await opened('并发作答项目');
      const many = await makeResidents(t.ds, '320106002001', 100, `conc_${Date.now()}_`);
      await addSupporters(
        t.ds,
        p,
        many.slice(0, 50).map((r) => r.userId),
      );
      await addBeneficiaryRows(
        t.ds,
        p.projectId,
        many.slice(50).map((r) => r.userId),
      );
      const outcomes = await Promise.all(many.map((r, i) => code(answers.answer(r, p.token, A((i % 5) + 1)))));
      expect(outcomes.filter((o) => o !== 'OK')).toEqual([]);
      const stored = await rows(p.surveyId);
      expect(stored).toHaveLength(100);
      expect(new Set(stored.map((r) => r.resident_id)).size).toBe(100);
      const f = (await surveys.detail(officer, p.projectId, 'READ')).figures;
      expect(f).toMatchObject({
        answers: 100,
        eligible: 101,
        satisfied: 40,
        satisfactionRate: '40.00',
        responseRate: '99.01',
      });
    });

    it('keeps exactly one row under 100 concurrent re-answers by the same resident, holding one of them', async () => {
      const p = await opened('并发改答项目');
      const resident = await actorOf(t.ds, 'resident');
      const sent = Array.from({ length: 100 }, (_, i) => ({ answers: [(i % 5) + 1, 3, 3, 3, 3], comment: `第${i}次` }));
      const outcomes = await Promise.all(sent.map((a) => code(answers.answer(resident, p.token, a))));
      expect(outcomes.filter((o) => o !== 'OK')).toEqual([]);
      const stored = await rows(p.surveyId);
      expect(stored).toHaveLength(1);
      const one = sent.find((a) => a.comment === stored[0].comment);
      expect(one).toBeDefined();
      expect(stored[0]).toMatchObject({
        overall: one?.answers[0],
        answers: JSON.stringify(one?.answers),
        channel: 'SELF',
      });
    });

    it('records proxy answers for residents of the worker’s community, never over the resident’s own answer', async () => {
      const p = await opened('代录项目');
      const [offline, self] = await makeResidents(t.ds, '320106002001', 2, `proxy_${Date.now()}_`);
      await addBeneficiaryRows(t.ds, p.projectId, [offline.userId, self.userId]);
      await answers.proxyAnswer(worker, p.projectId, { residentId: offline.userId, ...A(4), comment: '代老人填写' });
      await answers.proxyAnswer(worker, p.projectId, { residentId: offline.userId, ...A(5) }); // corrected
      await answers.answer(self, p.token, A(1));
      expect(await code(answers.proxyAnswer(worker, p.projectId, { residentId: self.userId, ...A(5) }))).toBe(
        '409 EVALUATION_SURVEY_ANSWERED_BY_RESIDENT',
      );
      // the resident may replace a proxy answer with their own
      await answers.answer(offline, p.token, A(3));
      expect(await rows(p.surveyId)).toEqual([
        expect.objectContaining({ resident_id: offline.userId, channel: 'SELF', proxy_by: null, overall: 3 }),
        expect.objectContaining({ resident_id: self.userId, channel: 'SELF', proxy_by: null, overall: 1 }),
      ]);
      const another = (await makeResidents(t.ds, '320106002001', 1, `proxy2_${Date.now()}_`))[0];
      await addBeneficiaryRows(t.ds, p.projectId, [another.userId]);
      await answers.proxyAnswer(worker, p.projectId, { residentId: another.userId, ...A(4) });
      expect((await rows(p.surveyId))[2]).toMatchObject({ channel: 'PROXY', proxy_by: worker.userId });
      // a worker of another community neither reaches the project nor answers for its residents
      expect(
        await code(
          answers.proxyAnswer(await actorOf(t.ds, 'yh_worker'), p.projectId, { residentId: another.userId, ...A(1) }),
        ),
      ).toBe('404 EVALUATION_PROJECT_NOT_FOUND');
      const yh = await actorOf(t.ds, 'yh_resident');
      await addBeneficiaryRows(t.ds, p.projectId, [yh.userId]);
      expect(await code(answers.proxyAnswer(worker, p.projectId, { residentId: yh.userId, ...A(1) }))).toBe(
        '422 EVALUATION_SURVEY_INVALID',
      );
    });

    it('records beneficiaries by username or phone: verified residents of the project’s region only', async () => {
      const p = await surveyProject(t, '服务对象项目');
      const list = await residents.add(officer, p.projectId, { resident: '13800000003' }, 'MANAGE'); // resident3
      expect(list.find((r) => r.displayName === '王奶奶')).toMatchObject({
        sources: ['BENEFICIARY'],
        phone: '138****0003',
        answered: null,
      });
      // an unverified resident of the community made here (the demo `newcomer` may have been verified by another suite)
      const [unverified] = await makeResidents(t.ds, '320106002001', 1, `unverified_${Date.now().toString(36)}_`);
      await t.ds.query('UPDATE users SET resident_verified_at = NULL WHERE id = ?', [unverified.userId]);
      for (const who of [unverified.username, 'yh_resident', 'officer', 'nobody'])
        expect(await code(residents.add(officer, p.projectId, { resident: who }, 'MANAGE'))).toBe(
          '422 EVALUATION_SURVEY_INVALID',
        );
      // idempotent
      await residents.add(worker, p.projectId, { resident: 'resident3' }, 'WORKER');
      const id = await userId(t.ds, 'resident3');
      // once they answer, they stay recorded
      await surveys.open(officer, p.projectId, {}, 'MANAGE');
      const s = await surveyOf(t.ds, p.projectId);
      await answers.answer(await actorOf(t.ds, 'resident3'), s.token, A(4));
      expect(await code(residents.remove(officer, p.projectId, id, 'MANAGE'))).toBe(
        '409 EVALUATION_SURVEY_BENEFICIARY_ANSWERED',
      );
      // a beneficiary recorded while the survey is open is invited at once
      await residents.add(officer, p.projectId, { resident: 'resident2' }, 'MANAGE');
      const inbox = (await t.ds.query(
        "SELECT params FROM notifications WHERE user_id = ? AND template = 'evaluation.survey.invitation' ORDER BY id DESC LIMIT 1",
        [await userId(t.ds, 'resident2')],
      )) as Array<{ params: string }>;
      expect(JSON.parse(inbox[0].params)).toMatchObject({ link: `/s/${s.token}` });
      const removed = await residents.remove(worker, p.projectId, await userId(t.ds, 'resident2'), 'WORKER');
      expect(removed.map((r) => r.displayName)).not.toContain('李阿姨');
    });
  });

  describe('figures', () => {
    it('are exact: response rate = answers ÷ eligible, satisfaction = (满意 + 非常满意) ÷ answers, per question, proxied, free texts', async () => {
      const p = await opened('满意度统计项目');
      const people = await makeResidents(t.ds, '320106002001', 9, `fig_${Date.now()}_`);
      await addSupporters(
        t.ds,
        p,
        people.slice(0, 7).map((r) => r.userId),
      );
      await addBeneficiaryRows(
        t.ds,
        p.projectId,
        people.slice(7).map((r) => r.userId),
      );
      // eligible: the raiser (resident) + 7 supporters + 2 beneficiaries = 10; 8 answer
      const overall = [5, 5, 4, 4, 3, 2, 1];
      for (const [i, o] of overall.entries())
        await answers.answer(people[i], p.token, {
          answers: [o, 5, 4, 3, 2],
          comment: i === 0 ? '饭菜可口' : i === 5 ? ' ' : null,
        });
      await answers.proxyAnswer(worker, p.projectId, {
        residentId: people[8].userId,
        answers: [4, 1, 1, 1, 1],
        comment: '送餐偶尔迟到',
      });
      const d = await surveys.detail(officer, p.projectId, 'READ');
      expect(d.figures).toEqual({
        answers: 8,
        eligible: 10,
        responseRate: '80.00',
        satisfied: 5,
        satisfactionRate: '62.50',
        proxied: 1,
        minimum: t.env.EVALUATION_SURVEY_MIN_ANSWERS,
        insufficient: 8 < t.env.EVALUATION_SURVEY_MIN_ANSWERS,
        questions: [
          { key: 'OVERALL', counts: [1, 1, 1, 3, 2], mean: '3.50' },
          { key: 'ATTITUDE', counts: [1, 0, 0, 0, 7], mean: '4.50' },
          { key: 'TIMELINESS', counts: [1, 0, 0, 7, 0], mean: '3.63' },
          { key: 'QUALITY', counts: [1, 0, 7, 0, 0], mean: '2.75' },
          { key: 'RECOMMEND', counts: [1, 7, 0, 0, 0], mean: '1.88' },
        ],
        comments: ['送餐偶尔迟到', '饭菜可口'],
      });
      // the evaluated organisation reads the same figures, and no link
      const org = await surveys.detail(await actorOf(t.ds, 'orgmember'), p.projectId, 'READ');
      expect(org.figures).toEqual(d.figures);
      expect(org.survey?.link).toBeNull();
      expect(d.survey?.link).toBe(`/s/${p.token}`);
    });
  });

  describe('closing', () => {
    it('is the officer’s: then answers are refused (409), and closing twice is an illegal transition', async () => {
      const p = await opened('提前结束项目');
      const resident = await actorOf(t.ds, 'resident');
      await answers.answer(resident, p.token, A(4));
      await surveys.close(officer, p.projectId);
      expect(await code(answers.answer(resident, p.token, A(5)))).toBe('409 EVALUATION_SURVEY_CLOSED');
      expect(await code(surveys.close(officer, p.projectId))).toBe('409 EVALUATION_SURVEY_ILLEGAL_TRANSITION');
      expect((await answers.forResident(resident, p.token)).myAnswer?.answers[0]).toBe(4);
    });

    it('refuses answers once the closing instant has passed, even before its job has run', async () => {
      const p = await opened('到期未关项目');
      await t.ds.query('UPDATE evaluation_surveys SET closes_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = ?', [
        p.surveyId,
      ]);
      expect(await code(answers.answer(await actorOf(t.ds, 'resident'), p.token, A(5)))).toBe(
        '409 EVALUATION_SURVEY_CLOSED',
      );
    });

    it('fault: closes by its job after a Redis wipe (the reconciler rebuilds the job from the open survey)', async () => {
      const p = await opened('丢失关闭任务项目');
      // weeks pass: the survey now closes in 3 s (database clock)
      await t.ds.query('UPDATE evaluation_surveys SET closes_at = UTC_TIMESTAMP(3) + INTERVAL 3 SECOND WHERE id = ?', [
        p.surveyId,
      ]);
      const { closes_at: closesAt } = await surveyOf(t.ds, p.projectId);
      const deadlines = t.app.get(Deadlines);
      await loseRedis(t);
      const jobId = surveyCloseJob({ id: p.surveyId, closesAt }).jobId;
      expect(await deadlines.queue(QUEUES.EVALUATION).getJob(jobId)).toBeUndefined();
      const report = await deadlines.reconcile();
      expect(report.bySource[SURVEY_CLOSE_JOB].restored).toBeGreaterThanOrEqual(1);
      expect(await (await deadlines.queue(QUEUES.EVALUATION).getJob(jobId))?.getState()).toBe('delayed');
      expect((await deadlines.reconcile()).bySource[SURVEY_CLOSE_JOB].restored).toBe(0);
      // an early tick does nothing but wait
      expect(await surveys.closeTick(p.surveyId)).toEqual({ dueInMs: expect.any(Number) });

      worker2 = await createTestWorker();
      const row = await pollUntil(
        () => surveyOf(t.ds, p.projectId),
        (r) => r.status === 'CLOSED',
      );
      expect(row.status).toBe('CLOSED');
      const [{ closed_at: closedAt }] = (await t.ds.query('SELECT closed_at FROM evaluation_surveys WHERE id = ?', [
        p.surveyId,
      ])) as Array<{ closed_at: Date }>;
      expect(closedAt.getTime()).toBeGreaterThanOrEqual(closesAt.getTime());
      expect(closedAt.getTime()).toBeLessThan(closesAt.getTime() + 5_000);
      const events = (await t.ds.query(
        "SELECT actor_id FROM audit_events WHERE action = 'evaluation.survey.closed' AND entity_id = ?",
        [String(p.surveyId)],
      )) as unknown[];
      expect(events).toHaveLength(1);
      // a late duplicate does nothing; the reconciler no longer lists it
      expect(await surveys.closeTick(p.surveyId)).toEqual({ result: 'ALREADY_CLOSED' });
      const pending = await surveys.source().pending();
      expect(pending.map((j) => j.payload)).not.toContainEqual({ surveyId: p.surveyId });
      expect(await code(answers.answer(await actorOf(t.ds, 'resident'), p.token, A(5)))).toBe(
        '409 EVALUATION_SURVEY_CLOSED',
      );
    });
  });
});
