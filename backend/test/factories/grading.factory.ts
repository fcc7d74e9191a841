import { seedGrading } from '../../src/cli/seed-grading';
import { GRADE_TEMPLATE_CODE } from '../../src/cli/seed-grading-template';
import { leavesOf, type IndicatorTree } from '../../src/modules/evaluation/domain/indicator-tree';
import { creditCodeCheckChar } from '../../src/modules/organisations/domain/credit-code';
import { bearer, DEMO_PASSWORD, login, regionId, TestApp } from '../support/test-app';

/**
 * Grade-assessment fixtures (issue #11 item 6): the seeded 1,000-point template and city lines (seedGrading is
 * idempotent: every test file may call it), organisations of their own (registered and approved through the API, so
 * that deciding their grade changes no demo organisation other tests count on), a second officer of a district (a
 * grade is decided by an officer who did not score it), and scores adding up to a chosen total.
 */
export const PDF_B64 = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n').toString(
  'base64',
);

export const GULOU = '320106000000';
export const XUANWU = '320102000000';

export async function gradingSeeded(t: TestApp): Promise<void> {
  await seedGrading(t.ds);
}

export async function gradeTemplate(t: TestApp): Promise<{ id: number; tree: IndicatorTree }> {
  const [row] = (await t.ds.query('SELECT id, tree FROM evaluation_templates WHERE code = ?', [
    GRADE_TEMPLATE_CODE,
  ])) as Array<{ id: number; tree: string }>;
  return { id: row.id, tree: JSON.parse(row.tree) as IndicatorTree };
}

/**
 * The tree an assessment is scored on: the template it was opened with (the newest active grade template then —
 * another suite of the run may have activated one of its own after the seeded one).
 */
export async function assessmentTree(t: TestApp, assessmentId: number): Promise<IndicatorTree> {
  const [row] = (await t.ds.query(
    'SELECT tp.tree FROM grade_assessments a JOIN evaluation_templates tp ON tp.id = a.template_id WHERE a.id = ?',
    [assessmentId],
  )) as Array<{ tree: string }>;
  return JSON.parse(row.tree) as IndicatorTree;
}

/** Another procurement officer of the district `like` belongs to (copied from that demo user), signed in. */
export async function secondOfficer(t: TestApp, username: string, like = 'officer'): Promise<string> {
  const exists = (await t.ds.query('SELECT id FROM users WHERE username = ?', [username])) as unknown[];
  if (exists.length === 0) {
    const res = (await t.ds.query(
      `INSERT INTO users (username, display_name, phone, password_hash, status, failed_login_count, region_id, region_path,
         organisation_id, created_at, updated_at)
       SELECT ?, '第二位采购专员', NULL, password_hash, 'ACTIVE', 0, region_id, region_path, NULL, created_at, updated_at
         FROM users WHERE username = ?`,
      [username, like],
    )) as { insertId: number };
    await t.ds.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'PROCUREMENT_OFFICER')", [res.insertId]);
  }
  return bearer(t, username);
}

let serial = 0;

/** A social organisation registered in the district (`GULOU` or `XUANWU`) and approved by its officer. */
export async function registeredOrganisation(
  t: TestApp,
  tag: string,
  district: string,
  approver: string,
  account: { username?: string; password?: string } = {},
): Promise<{ id: number; member: string; name: string }> {
  serial++;
  const unique = `${Date.now().toString(36)}${serial}${tag}`
    .toUpperCase()
    .replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')
    .slice(-7);
  const first17 = `52${district.slice(0, 6)}MJ${unique}`;
  const name = `等级评估测试机构${tag}${serial}${Date.now().toString(36)}`;
  const username = account.username ?? `ga_${tag}_${serial}_${Date.now().toString(36)}`.toLowerCase();
  const password = account.password ?? 'Grading@2026';
  const res = await t
    .http()
    .post('/api/v1/organisations/register')
    .send({
      name,
      kind: 'SOCIAL_ORGANISATION',
      orgType: 'SOCIAL_SERVICE_AGENCY',
      creditCode: first17 + creditCodeCheckChar(first17),
      regionId: await regionId(t.ds, district),
      legalRepresentative: '评估',
      contactPhone: '025-80000000',
      username,
      displayName: '评估测试',
      password,
    });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.organisationId as number;
  const ok = await t.http().post(`/api/v1/organisations/${id}/approve`).set('Authorization', approver).send({});
  if (ok.status !== 200) throw new Error(`approve: ${ok.status} ${JSON.stringify(ok.body)}`);
  return { id, member: `Bearer ${(await login(t, username, password)).accessToken}`, name };
}

/**
 * Scores for every leaf of `tree` adding up to `total` points exactly (whole points): full marks, then points taken
 * off leaf by leaf until the total is reached. Each with an evidence note.
 */
export function scoresAddingUpTo(
  tree: IndicatorTree,
  total: number,
): Array<{ leafKey: string; score: string; note: string }> {
  // in hundredths of a point, integers only (a template's points may have decimals: 7.5 − 0.3 is no float sum)
  const cents = (text: string) => {
    const [whole, part = ''] = text.split('.');
    return Number(whole) * 100 + Number(part.padEnd(2, '0'));
  };
  const text = (c: number) =>
    c % 100 === 0 ? String(c / 100) : `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
  const leaves = leavesOf(tree).map(({ node }) => ({ key: node.key, points: cents(node.points) }));
  let missing = leaves.reduce((s, l) => s + l.points, 0) - total * 100;
  if (missing < 0) throw new RangeError(`A total above the tree's ${total}`);
  return leaves.map((l) => {
    const off = Math.min(l.points, missing);
    missing -= off;
    return {
      leafKey: l.key,
      score: text(l.points - off),
      note: `现场核查：${l.key} 材料齐全程度对应 ${text(l.points - off)} 分`,
    };
  });
}

/** Opens an assessment of `organisationId` as `as` and scores it to `total` (not submitted). Returns its id. */
export async function scoredAssessment(t: TestApp, as: string, organisationId: number, total: number): Promise<number> {
  const opened = await t
    .http()
    .post('/api/v1/evaluation/grade-assessments')
    .set('Authorization', as)
    .send({ organisationId });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  const tree = await assessmentTree(t, opened.body.id as number);
  const scored = await t
    .http()
    .put(`/api/v1/evaluation/grade-assessments/${opened.body.id}/scores`)
    .set('Authorization', as)
    .send({ scores: scoresAddingUpTo(tree, total) });
  if (scored.status !== 200) throw new Error(`scores: ${scored.status} ${JSON.stringify(scored.body)}`);
  return opened.body.id as number;
}

/** …and submitted. */
export async function submittedAssessment(
  t: TestApp,
  as: string,
  organisationId: number,
  total: number,
): Promise<number> {
  const id = await scoredAssessment(t, as, organisationId, total);
  const res = await t
    .http()
    .post(`/api/v1/evaluation/grade-assessments/${id}/submit`)
    .set('Authorization', as)
    .send({ summary: '治理规范，服务记录完整。' });
  if (res.status !== 200) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return id;
}

export async function officerTokens(t: TestApp): Promise<{ officer: string; reviewer: string; xwOfficer: string }> {
  return {
    officer: await bearer(t, 'officer'),
    reviewer: await secondOfficer(t, 'ga_reviewer'),
    xwOfficer: await bearer(t, 'xw_officer'),
  };
}

export interface GradingFixtures {
  /** A 鼓楼 organisation whose member `<prefix>_grading` signs in with the demo password. */
  gradingOrg: number;
  /** Its assessment decided by a second officer of 鼓楼区 (the organisation's member reads it). */
  decidedGradeAssessment: number;
  /** Its next assessment, IN_PROGRESS with a few scores (officer). */
  gradeAssessment: number;
  /** An assessment of another 鼓楼 organisation submitted by `officer` (to return or decide). */
  submittedGradeAssessment: number;
}

/** Grading records for the access matrix and the malformed-input test (`prefix`: matrix, malformed). */
export async function gradingFixtures(t: TestApp, prefix: string): Promise<GradingFixtures> {
  await gradingSeeded(t);
  const officer = await bearer(t, 'officer');
  const reviewer = await secondOfficer(t, `${prefix}_reviewer`);
  const org = await registeredOrganisation(t, `${prefix}a`, GULOU, officer, {
    username: `${prefix}_grading`,
    password: DEMO_PASSWORD,
  });
  const decided = await submittedAssessment(t, officer, org.id, 860);
  const res = await t
    .http()
    .post(`/api/v1/evaluation/grade-assessments/${decided}/decide`)
    .set('Authorization', reviewer)
    .send({ fileName: '批复.pdf', contentBase64: PDF_B64 });
  if (res.status !== 200) throw new Error(`decide: ${res.status} ${JSON.stringify(res.body)}`);
  const opened = await t
    .http()
    .post('/api/v1/evaluation/grade-assessments')
    .set('Authorization', officer)
    .send({ organisationId: org.id });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  await t
    .http()
    .put(`/api/v1/evaluation/grade-assessments/${opened.body.id}/scores`)
    .set('Authorization', officer)
    .send({ scores: [{ leafKey: 'B1-1', score: '8', note: '查阅选举决议' }] });
  const other = await registeredOrganisation(t, `${prefix}b`, GULOU, officer);
  return {
    gradingOrg: org.id,
    decidedGradeAssessment: decided,
    gradeAssessment: opened.body.id as number,
    submittedGradeAssessment: await submittedAssessment(t, officer, other.id, 780),
  };
}
