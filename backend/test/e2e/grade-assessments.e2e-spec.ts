import { seedGrading } from '../../src/cli/seed-grading';
import { gradeExpiresOn } from '../../src/modules/evaluation/domain/grade-assessment';
import { validateTree } from '../../src/modules/evaluation/domain/indicator-tree';
import { gradeExpiryDeadline } from '../../src/modules/organisations';
import { shanghaiDate } from '../../src/modules/regions';
import { Deadlines, QUEUES } from '../../src/platform/queue';
import {
  assessmentTree,
  gradeTemplate,
  gradingSeeded,
  GULOU,
  officerTokens,
  PDF_B64,
  registeredOrganisation,
  scoredAssessment,
  scoresAddingUpTo,
  submittedAssessment,
  XUANWU,
} from '../factories/grading.factory';
import { publishedTender } from '../factories/procurement.factory';
import { bearer, createTestApp, regionId, TestApp } from '../support/test-app';

const API = '/api/v1/evaluation/grade-assessments';

/**
 * 等级评估 (issue #11 item 6) over HTTP: the registry's 1A–5A grade comes from an assessment on the 1,000-point
 * template, graded by the lines of the organisation's region (two regions may draw different lines), decided by a
 * second officer with a document, valid 5 years through the organisations context's grade path; eligibility reads it.
 */
describe('grade assessments (等级评估)', () => {
  let t: TestApp;
  let officer: string;
  let reviewer: string;
  let xwOfficer: string;
  let auditor: string;
  const today = () => shanghaiDate(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    await gradingSeeded(t);
    ({ officer, reviewer, xwOfficer } = await officerTokens(t));
    auditor = await bearer(t, 'auditor');
  });
  afterAll(() => t.close());

  const get = (id: number, as: string) => t.http().get(`${API}/${id}`).set('Authorization', as);
  const decide = (id: number, as: string, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`${API}/${id}/decide`)
      .set('Authorization', as)
      .send({ fileName: '等级评估结论批复.pdf', contentBase64: PDF_B64, note: '经评估委员会审定', ...body });
  const actions = async (table: string, entityId: number) =>
    (
      (await t.ds.query(`SELECT action FROM audit_events WHERE entity_type = ? AND entity_id = ? ORDER BY seq`, [
        table,
        String(entityId),
      ])) as Array<{ action: string }>
    ).map((r) => r.action);

  it('seeds a valid 1,000-point ORGANISATION_GRADE template and the city’s default lines, once', async () => {
    const { tree } = await gradeTemplate(t);
    expect(validateTree(tree)).toEqual([]);
    expect(tree.total).toBe('1000');
    const [row] = await t.ds.query(
      "SELECT purpose, status, total_points FROM evaluation_templates WHERE code = 'ORG-GRADE-GENERAL'",
    );
    expect(row).toEqual({ purpose: 'ORGANISATION_GRADE', status: 'ACTIVE', total_points: '1000.00' });
    expect(await seedGrading(t.ds)).toEqual({ templates: 0, cutoffs: 0, users: 0 });
    const overview = await t.http().get('/api/v1/evaluation/grade-cutoffs').set('Authorization', officer).expect(200);
    const gulou = overview.body.regions.find((r: { regionName: string }) => r.regionName === '鼓楼区');
    expect(gulou).toMatchObject({
      own: false,
      editable: true,
      applies: { regionName: '南京市', min5: '900', min1: '500' },
    });
    expect(overview.body.regions.find((r: { regionName: string }) => r.regionName === '南京市')).toMatchObject({
      own: true,
      editable: false,
    });
  });

  it('905 points is 5A where 5A ≥ 900 (鼓楼区, the city’s line) and 4A where 5A ≥ 950 (玄武区, its own line)', async () => {
    const set = await t
      .http()
      .post('/api/v1/evaluation/grade-cutoffs')
      .set('Authorization', xwOfficer)
      .send({
        regionId: await regionId(t.ds, XUANWU),
        min1: '500',
        min2: '600',
        min3: '700',
        min4: '850',
        min5: '950',
        effectiveFrom: today(),
        note: '玄武区社会组织评估实施方案',
      });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ regionName: '玄武区', min5: '950', decidedByName: '李采购（玄武区民政局）' });

    const gulouOrg = await registeredOrganisation(t, 'gl905', GULOU, officer);
    const xuanwuOrg = await registeredOrganisation(t, 'xw905', XUANWU, xwOfficer);
    const inGulou = await submittedAssessment(t, officer, gulouOrg.id, 905);
    const inXuanwu = await submittedAssessment(t, xwOfficer, xuanwuOrg.id, 905);

    const g = (await get(inGulou, officer).expect(200)).body;
    expect(g).toMatchObject({ status: 'SUBMITTED', totalPoints: '905.00', proposedGrade: 5 });
    expect(g.cutoff).toMatchObject({ regionName: '南京市', min5: '900' });
    const x = (await get(inXuanwu, xwOfficer).expect(200)).body;
    expect(x).toMatchObject({ status: 'SUBMITTED', totalPoints: '905.00', proposedGrade: 4 });
    expect(x.cutoff).toMatchObject({ regionName: '玄武区', min5: '950', min4: '850' });
    expect(x.scoredLeaves).toBe(x.leafCount);

    // the overview shows which region's line applies where
    const xw = await t.http().get('/api/v1/evaluation/grade-cutoffs').set('Authorization', xwOfficer).expect(200);
    const xuanwu = xw.body.regions.find((r: { regionName: string }) => r.regionName === '玄武区');
    expect(xuanwu).toMatchObject({ own: true, editable: true, applies: { min5: '950' } });
    expect(xuanwu.history).toHaveLength(1);
    expect(await actions('grade_cutoff', set.body.id)).toEqual(['evaluation.grade_cutoff.set']);
  });

  it('the decision sets the grade, valid 5 years, through the registry’s grade path — by an officer who did not score it', async () => {
    const org = await registeredOrganisation(t, 'dec', GULOU, officer);
    const id = await submittedAssessment(t, officer, org.id, 905);

    // separation of duties: the officer who scored and submitted may neither decide nor return it
    const own = await decide(id, officer);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('EVALUATION_SEPARATION_OF_DUTIES');
    const ownReturn = await t
      .http()
      .post(`${API}/${id}/return`)
      .set('Authorization', officer)
      .send({ reason: '自己退回' });
    expect(ownReturn.status).toBe(403);
    const seen = (await get(id, officer)).body;
    expect(seen.actions).toEqual([]);
    expect(seen.reviewBlockedReason).toMatch(/another officer/);
    expect((await get(id, reviewer)).body.actions).toEqual(['RETURN', 'DECIDE']);
    // the reviewer was told it waits for a decision
    const [waiting] = await t.ds.query(
      `SELECT n.template FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.username = 'ga_reviewer' AND n.template = 'evaluation.grading.submitted' ORDER BY n.id DESC LIMIT 1`,
    );
    expect(waiting).toBeDefined();

    const decided = await decide(id, reviewer);
    expect(decided.status).toBe(200);
    const expires = gradeExpiresOn(today());
    expect(decided.body).toMatchObject({
      status: 'DECIDED',
      grade: 5,
      gradeExpiresOn: expires,
      decisionDocumentName: '等级评估结论批复.pdf',
      decisionNote: '经评估委员会审定',
      currentGrade: 5,
      currentGradeExpiresOn: expires,
      actions: [],
    });
    expect(Number(expires.slice(0, 4)) - Number(today().slice(0, 4))).toBe(5);

    // the registry: the grade, its validity, who decided and on which document
    const detail = (await t.http().get(`/api/v1/organisations/${org.id}`).set('Authorization', officer).expect(200))
      .body;
    expect(detail).toMatchObject({
      grade: 5,
      gradeExpiresOn: expires,
      gradeValid: true,
      gradeDecidedByName: '第二位采购专员',
      gradeDocumentId: decided.body.decisionDocumentId,
    });
    // the same traces as every grade decision: audit, the members' inbox, the performance record, the expiry job
    expect(await actions('organisation', org.id)).toEqual(
      expect.arrayContaining(['organisations.document.uploaded', 'organisations.grade.assessed']),
    );
    expect(await actions('grade_assessment', id)).toEqual([
      'evaluation.grade_assessment.opened',
      'evaluation.grade_assessment.scored',
      'evaluation.grade_assessment.submitted',
      'evaluation.grade_assessment.decided',
    ]);
    const inbox = await t.http().get('/api/v1/inbox').set('Authorization', org.member).expect(200);
    expect(inbox.body.items.map((n: { template: string }) => n.template)).toEqual(
      expect.arrayContaining(['evaluation.grading.opened', 'organisations.grade.assessed']),
    );
    const assessed = inbox.body.items.find((n: { template: string }) => n.template === 'organisations.grade.assessed');
    expect(assessed.title).toBe('等级评估结果：评定为 5A');
    expect(assessed.body).toContain('905 分');
    const record = await t
      .http()
      .get(`/api/v1/organisations/${org.id}/record`)
      .set('Authorization', officer)
      .expect(200);
    expect(record.body.items[0]).toMatchObject({
      kind: 'EVALUATION',
      gradeLabel: '5A',
      referenceType: 'grade_assessment',
    });
    const job = await t.app
      .get(Deadlines)
      .queue(QUEUES.ORGANISATIONS)
      .getJob(gradeExpiryDeadline(org.id, expires).jobId);
    expect(await job?.getState()).toBe('delayed');

    // the organisation reads its decided assessment (the report); another organisation cannot
    const mine = await t.http().get(API).set('Authorization', org.member).expect(200);
    expect(mine.body.items.map((a: { id: number }) => a.id)).toEqual([id]);
    expect((await get(id, org.member)).body.scores).toHaveLength(decided.body.leafCount);
    expect((await get(id, await bearer(t, 'orgmember2'))).status).toBe(404);
    // decided: nothing moves any more
    expect((await decide(id, reviewer)).status).toBe(409);
  });

  it('a member’s self-proposal stays a proposal; an assessment’s decision sets the grade and closes it', async () => {
    const org = await registeredOrganisation(t, 'prop', GULOU, officer);
    const doc = await t
      .http()
      .post('/api/v1/my/organisation/documents')
      .set('Authorization', org.member)
      .send({ kind: 'GRADE_CERTIFICATE', fileName: '证书.pdf', contentBase64: PDF_B64 })
      .expect(201);
    await t
      .http()
      .post('/api/v1/my/organisation/grade-proposals')
      .set('Authorization', org.member)
      .send({ grade: 5, expiresOn: `${Number(today().slice(0, 4)) + 2}-12-31`, documentId: doc.body.id })
      .expect(201);
    const detail = (await t.http().get(`/api/v1/organisations/${org.id}`).set('Authorization', officer)).body;
    expect(detail.grade).toBeNull();
    expect(detail.pendingGradeProposal).toMatchObject({ grade: 5, status: 'PENDING' });
    // the assessment's decision supersedes it: 3A, and the proposal is closed (no later approval can overwrite it)
    const id = await submittedAssessment(t, officer, org.id, 720);
    expect((await decide(id, reviewer)).body).toMatchObject({ grade: 3 });
    const after = (await t.http().get(`/api/v1/organisations/${org.id}`).set('Authorization', officer)).body;
    expect(after).toMatchObject({ grade: 3, pendingGradeProposal: null });
    const proposals = await t
      .http()
      .get(`/api/v1/organisations/${org.id}/grade-proposals`)
      .set('Authorization', officer)
      .expect(200);
    expect(proposals.body[0]).toMatchObject({
      status: 'REJECTED',
      decisionReason: expect.stringContaining('等级评估'),
    });
  });

  it('an organisation graded 3A by an assessment is refused for a tender requiring 4A, with the reason', async () => {
    const org = await registeredOrganisation(t, 'elig', GULOU, officer);
    const id = await submittedAssessment(t, officer, org.id, 750);
    expect((await decide(id, reviewer)).body).toMatchObject({ status: 'DECIDED', grade: 3 });
    const tender = await publishedTender(t, '等级评估资格测试', { minGrade: 4 });
    const refused = await t.http().post(`/api/v1/tenders/${tender}/interest`).set('Authorization', org.member);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('BID_NOT_ELIGIBLE');
    expect(refused.body.reasons).toEqual(['评估等级须不低于 4A（且在有效期内）']);
    // 3A is enough where 3A is required
    const open = await publishedTender(t, '等级评估资格测试三A', { minGrade: 3 });
    expect((await t.http().post(`/api/v1/tenders/${open}/interest`).set('Authorization', org.member)).status).toBe(200);
  });

  it('below the 1A line the decision gives no grade — and takes away the one the organisation had', async () => {
    const org = await registeredOrganisation(t, 'low', GULOU, officer);
    const first = await submittedAssessment(t, officer, org.id, 820);
    expect((await decide(first, reviewer)).body).toMatchObject({ grade: 4 });
    const second = await submittedAssessment(t, officer, org.id, 480);
    expect((await get(second, reviewer)).body).toMatchObject({ proposedGrade: null, totalPoints: '480.00' });
    const decided = await decide(second, reviewer, { note: undefined });
    expect(decided.body).toMatchObject({ status: 'DECIDED', grade: null, gradeExpiresOn: null, currentGrade: null });
    const detail = (await t.http().get(`/api/v1/organisations/${org.id}`).set('Authorization', officer)).body;
    expect(detail).toMatchObject({ grade: null, gradeExpiresOn: null, gradeValid: false });
    const list = await t.http().get(`${API}?organisationId=${org.id}`).set('Authorization', officer).expect(200);
    expect(list.body.items.map((a: { id: number; grade: number | null }) => [a.id, a.grade])).toEqual([
      [second, null],
      [first, 4],
    ]);
  });

  it('returns for rescoring and cancels; scores only while open; one open assessment per organisation', async () => {
    const org = await registeredOrganisation(t, 'ret', GULOU, officer);
    const id = await scoredAssessment(t, officer, org.id, 700);
    // a second one while this is open: 409
    const again = await t.http().post(API).set('Authorization', reviewer).send({ organisationId: org.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EVALUATION_ASSESSMENT_OPEN');
    // deciding before submission: 409
    expect((await decide(id, reviewer)).status).toBe(409);
    await t.http().post(`${API}/${id}/submit`).set('Authorization', officer).send({}).expect(200);
    const returned = await t
      .http()
      .post(`${API}/${id}/return`)
      .set('Authorization', reviewer)
      .send({ reason: '财务部分扣分依据不足，请补充核查记录' })
      .expect(200);
    expect(returned.body).toMatchObject({
      status: 'RETURNED',
      totalPoints: null,
      returnComment: '财务部分扣分依据不足，请补充核查记录',
    });
    // rescored and submitted again
    const tree = await assessmentTree(t, id);
    await t
      .http()
      .put(`${API}/${id}/scores`)
      .set('Authorization', officer)
      .send({ scores: scoresAddingUpTo(tree, 710) })
      .expect(200);
    const resubmitted = await t.http().post(`${API}/${id}/submit`).set('Authorization', officer).send({}).expect(200);
    expect(resubmitted.body).toMatchObject({ status: 'SUBMITTED', totalPoints: '710.00', proposedGrade: 3 });
    expect(
      (
        await t
          .http()
          .put(`${API}/${id}/scores`)
          .set('Authorization', officer)
          .send({ scores: [{ leafKey: 'B1-1', score: '1' }] })
      ).status,
    ).toBe(409);
    // cancelling is for one not yet submitted
    expect(
      (await t.http().post(`${API}/${id}/cancel`).set('Authorization', officer).send({ reason: '暂缓' })).status,
    ).toBe(409);

    const other = await registeredOrganisation(t, 'can', GULOU, officer);
    const open = await scoredAssessment(t, officer, other.id, 600);
    const cancelled = await t
      .http()
      .post(`${API}/${open}/cancel`)
      .set('Authorization', officer)
      .send({ reason: '机构申请暂缓评估' })
      .expect(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    // the organisation may be assessed again
    await t.http().post(API).set('Authorization', officer).send({ organisationId: other.id }).expect(201);
  });

  it('refuses incomplete, out-of-range and unknown scores, and non-social organisations', async () => {
    const org = await registeredOrganisation(t, 'bad', GULOU, officer);
    const opened = await t.http().post(API).set('Authorization', officer).send({ organisationId: org.id }).expect(201);
    const id = opened.body.id as number;
    expect(opened.body).toMatchObject({
      status: 'IN_PROGRESS',
      templateTotal: '1000',
      runningTotal: '0.00',
      scoredLeaves: 0,
    });
    expect(opened.body.code).toMatch(/^DJ-\d{4}-\d{6}$/);
    expect(opened.body.expiresOnIfDecidedToday).toBe(gradeExpiresOn(today()));
    const put = (scores: unknown[]) =>
      t.http().put(`${API}/${id}/scores`).set('Authorization', officer).send({ scores });
    const above = await put([{ leafKey: 'B1-1', score: '10.01' }]);
    expect(above.status).toBe(422);
    expect(above.body.errors[0].field).toBe('scores[0].score');
    expect((await put([{ leafKey: 'NOPE', score: '1' }])).status).toBe(422);
    expect((await put([{ leafKey: 'B1-1', score: '1.234' }])).status).toBe(400);
    const partial = await put([{ leafKey: 'B1-1', score: '9.5', note: '查阅选举决议' }]);
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ runningTotal: '9.50', scoredLeaves: 1 });
    expect(partial.body.scores).toEqual([
      expect.objectContaining({ leafKey: 'B1-1', score: '9.50', note: '查阅选举决议' }),
    ]);
    const incomplete = await t.http().post(`${API}/${id}/submit`).set('Authorization', officer).send({});
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('EVALUATION_SCORES_INCOMPLETE');
    expect(incomplete.body.errors.length).toBe(partial.body.leafCount - 1);
    const [agency] = await t.ds.query("SELECT id FROM organisations WHERE kind = 'EVALUATION_AGENCY' LIMIT 1");
    // the demo agency is registered at the city: outside 鼓楼区, so it answers as a missing organisation
    const refused = await t.http().post(API).set('Authorization', officer).send({ organisationId: agency.id });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('organisationId');
  });

  it('cross-district: another district’s officer gets 404 as for a missing assessment, and does not see it', async () => {
    const org = await registeredOrganisation(t, 'xd', GULOU, officer);
    const id = await submittedAssessment(t, officer, org.id, 880);
    const missing = await get(999_999, xwOfficer);
    const other = await get(id, xwOfficer);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe(missing.body.code);
    expect((await decide(id, xwOfficer)).status).toBe(404);
    expect(
      (
        await t
          .http()
          .put(`${API}/${id}/scores`)
          .set('Authorization', xwOfficer)
          .send({ scores: [{ leafKey: 'B1-1', score: '1' }] })
      ).status,
    ).toBe(404);
    const list = await t.http().get(`${API}?pageSize=100`).set('Authorization', xwOfficer).expect(200);
    expect(list.body.items.map((a: { id: number }) => a.id)).not.toContain(id);
    const opening = await t.http().post(API).set('Authorization', xwOfficer).send({ organisationId: org.id });
    expect(opening.status).toBe(422);
    // nor may a district officer draw another district's lines, or a street's
    const lines = { min1: '500', min2: '600', min3: '700', min4: '800', min5: '900', effectiveFrom: today() };
    expect(
      (
        await t
          .http()
          .post('/api/v1/evaluation/grade-cutoffs')
          .set('Authorization', officer)
          .send({ ...lines, regionId: await regionId(t.ds, XUANWU) })
      ).status,
    ).toBe(404);
    expect(
      (
        await t
          .http()
          .post('/api/v1/evaluation/grade-cutoffs')
          .set('Authorization', officer)
          .send({ ...lines, regionId: await regionId(t.ds, '320106002000') })
      ).status,
    ).toBe(422);
    // the city's auditor reads both districts
    expect((await get(id, auditor)).status).toBe(200);
  });

  it('grade lines must ascend strictly, lie within 1000 and start today or later; an edit is a new row', async () => {
    const post = (body: Record<string, unknown>) =>
      t
        .http()
        .post('/api/v1/evaluation/grade-cutoffs')
        .set('Authorization', officer)
        .send({
          regionId: 0,
          min1: '500',
          min2: '600',
          min3: '700',
          min4: '800',
          min5: '900',
          effectiveFrom: today(),
          ...body,
        });
    const gulou = await regionId(t.ds, GULOU);
    const flat = await post({ regionId: gulou, min4: '900' });
    expect(flat.status).toBe(422);
    expect(flat.body.errors.map((e: { field: string }) => e.field)).toEqual(['min5']);
    expect((await post({ regionId: gulou, min5: '1001' })).status).toBe(422);
    const past = await post({ regionId: gulou, effectiveFrom: '2020-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.errors[0].field).toBe('effectiveFrom');
    // a future line: today the city's still applies to 鼓楼区, and the history shows both
    const nextYear = `${Number(today().slice(0, 4)) + 1}-01-01`;
    const first = await post({ regionId: gulou, min5: '920', effectiveFrom: nextYear }).expect(201);
    const second = await post({ regionId: gulou, min5: '930', effectiveFrom: nextYear }).expect(201);
    const overview = await t.http().get('/api/v1/evaluation/grade-cutoffs').set('Authorization', officer).expect(200);
    const row = overview.body.regions.find((r: { regionId: number }) => r.regionId === gulou);
    expect(row).toMatchObject({ own: false, applies: { regionName: '南京市' } });
    expect(row.history.map((h: { id: number }) => h.id)).toEqual([second.body.id, first.body.id]);
    // the table keeps its history: no UPDATE, no DELETE
    await expect(t.ds.query('UPDATE grade_cutoffs SET min_5a = 1 WHERE id = ?', [first.body.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ds.query('DELETE FROM grade_cutoffs WHERE id = ?', [first.body.id])).rejects.toThrow(/append-only/);
  });
});
