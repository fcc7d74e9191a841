import { INestApplicationContext } from '@nestjs/common';

import { gradeExpiresOn } from '../../src/modules/evaluation/domain/grade-assessment';
import { GRADE_EXPIRY_JOB, gradeExpiryDeadline, GradeExpiryJob } from '../../src/modules/organisations';
import { addCalendarDays, shanghaiDate } from '../../src/modules/regions';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import {
  gradingSeeded,
  GULOU,
  officerTokens,
  PDF_B64,
  registeredOrganisation,
  submittedAssessment,
} from '../factories/grading.factory';
import { pollUntil } from '../support/poll';
import { createTestApp, createTestWorker, loseRedis, TestApp } from '../support/test-app';

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  if (!(await pollUntil(check, (met) => met, ms))) throw new Error(`condition not met within ${ms} ms`);
}

/**
 * Grade expiry by job (issue #11 item 6): a grade decided on an assessment is valid 5 years; when its last day has
 * ended, the organisations queue's job announces it once (stamp, audit, inbox, record) — the database clock decides,
 * an early run changes nothing, a second run does nothing, and the reconciler rebuilds the job after Redis lost it.
 */
describe('grade expiry is a durable deadline', () => {
  let t: TestApp;
  let worker: INestApplicationContext | undefined;
  let officer: string;
  let reviewer: string;

  beforeAll(async () => {
    t = await createTestApp();
    await gradingSeeded(t);
    ({ officer, reviewer } = await officerTokens(t));
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const row = async (id: number) =>
    (
      (await t.ds.query(
        `SELECT grade, DATE_FORMAT(grade_expires_on, '%Y-%m-%d') AS expiresOn, grade_expired_at AS expiredAt
           FROM organisations WHERE id = ?`,
        [id],
      )) as Array<{ grade: number | null; expiresOn: string | null; expiredAt: Date | null }>
    )[0];

  async function graded(tag: string): Promise<{ id: number; member: string }> {
    const org = await registeredOrganisation(t, tag, GULOU, officer);
    const assessment = await submittedAssessment(t, officer, org.id, 860);
    const res = await t
      .http()
      .post(`/api/v1/evaluation/grade-assessments/${assessment}/decide`)
      .set('Authorization', reviewer)
      .send({ fileName: '批复.pdf', contentBase64: PDF_B64 });
    expect(res.status).toBe(200);
    return org;
  }

  it('a grade decided on an assessment gets its expiry job at 24:00 Beijing of its last valid day; early, it waits', async () => {
    const org = await graded('exa');
    const expires = gradeExpiresOn(shanghaiDate(new Date()));
    expect(await row(org.id)).toEqual({ grade: 4, expiresOn: expires, expiredAt: null });
    const job = gradeExpiryDeadline(org.id, expires);
    expect(job.runAt.toISOString()).toBe(`${expires}T16:00:00.000Z`);
    expect(job.jobId).toBe(`${GRADE_EXPIRY_JOB}__${org.id}__${expires}`);
    expect(await (await t.app.get(Deadlines).queue(QUEUES.ORGANISATIONS).getJob(job.jobId))?.getState()).toBe(
      'delayed',
    );
    const early = await t.app.get(GradeExpiryJob).handle({ organisationId: org.id, expiresOn: expires });
    expect(early).toEqual({ result: 'NOT_DUE', dueInMs: expect.any(Number) });
    expect((early as { dueInMs: number }).dueInMs).toBeGreaterThan(4 * 365 * 86_400_000);
    expect((await row(org.id)).expiredAt).toBeNull();
  });

  it('when the last day has passed, the worker announces the expiry once — even after Redis lost the job', async () => {
    const org = await graded('exb');
    // the grade's last valid day was yesterday (a decision stamp, as the trigger requires for a new expiry)
    const yesterday = addCalendarDays(shanghaiDate(new Date()), -1);
    await t.ds.query(
      'UPDATE organisations SET grade_expires_on = ?, grade_decided_at = UTC_TIMESTAMP(3) WHERE id = ?',
      [yesterday, org.id],
    );
    // eligibility already reads it as expired, before any job
    const detail = await t.http().get(`/api/v1/organisations/${org.id}`).set('Authorization', officer).expect(200);
    expect(detail.body).toMatchObject({ grade: 4, gradeValid: false });
    await loseRedis(t);
    worker = await createTestWorker(); // the reconciler rebuilds the job from the row at start-up; due: it runs
    await waitFor(async () => (await row(org.id)).expiredAt !== null, 20_000);
    expect(await row(org.id)).toMatchObject({ grade: 4, expiresOn: yesterday });

    const events = (await t.ds.query(
      "SELECT actor_username FROM audit_events WHERE action = 'organisations.grade.expired' AND entity_id = ?",
      [String(org.id)],
    )) as Array<{ actor_username: string }>;
    expect(events).toEqual([{ actor_username: 'system' }]);
    const inbox = await t.http().get('/api/v1/inbox').set('Authorization', org.member).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ template: 'organisations.grade.expired' });
    expect(inbox.body.items[0].title).toContain('4A');
    const officerInbox = (await t.ds.query(
      `SELECT COUNT(*) AS n FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.username = 'officer' AND n.template = 'organisations.grade.expired' AND n.params LIKE ?`,
      [`%${yesterday}%`],
    )) as Array<{ n: string }>;
    expect(Number(officerInbox[0].n)).toBeGreaterThanOrEqual(1);
    const [record] = (await t.ds.query(
      'SELECT kind, template, grade_label FROM organisation_records WHERE organisation_id = ? ORDER BY id DESC LIMIT 1',
      [org.id],
    )) as Array<{ kind: string; template: string; grade_label: string }>;
    expect(record).toEqual({ kind: 'EVALUATION', template: 'organisations.record.grade_expired', grade_label: '4A' });

    // twice → nothing; and the reconciler no longer rebuilds it
    expect(await t.app.get(GradeExpiryJob).handle({ organisationId: org.id, expiresOn: yesterday })).toEqual({
      result: 'NOTHING_TO_DO',
    });
    const pending = (await t.app.get(GradeExpiryJob).source().pending()).map((j) => j.jobId);
    expect(pending).not.toContain(gradeExpiryDeadline(org.id, yesterday).jobId);
  });

  it('a new decision clears the stamp and schedules the new expiry', async () => {
    const org = await graded('exc');
    await t.ds.query('UPDATE organisations SET grade_expired_at = UTC_TIMESTAMP(3) WHERE id = ?', [org.id]);
    const assessment = await submittedAssessment(t, officer, org.id, 910);
    await t
      .http()
      .post(`/api/v1/evaluation/grade-assessments/${assessment}/decide`)
      .set('Authorization', reviewer)
      .send({ fileName: '批复.pdf', contentBase64: PDF_B64 })
      .expect(200);
    expect(await row(org.id)).toMatchObject({ grade: 5, expiredAt: null });
    const pending = (await t.app.get(GradeExpiryJob).source().pending()).map((j) => j.jobId);
    expect(pending).toContain(gradeExpiryDeadline(org.id, gradeExpiresOn(shanghaiDate(new Date()))).jobId);
  });
});
