import { bearer, regionId, TestApp } from '../support/test-app';
import { categoryIdOfItem, MEAL_ATTRIBUTES, publishedVersionId } from './needs.factory';

const PDF = Buffer.from('%PDF-1.4\n% test bid document\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString(
  'base64',
);

/** An APPROVED need of 山西路社区 (the council's decision is recorded directly: a test-data shortcut). */
export async function approvedNeed(t: TestApp, title: string): Promise<number> {
  const [campaign] = (await t.ds.query("SELECT id FROM campaigns WHERE status = 'OPEN' ORDER BY id LIMIT 1")) as Array<{
    id: number;
  }>;
  const resident = await bearer(t, 'resident');
  const n = await t
    .http()
    .post('/api/v1/needs')
    .set('Authorization', resident)
    .send({
      campaignId: campaign.id,
      categoryId: await categoryIdOfItem(t.ds, 'A0101'),
      title,
      description: '测试',
      attributes: MEAL_ATTRIBUTES,
      location: '活动中心',
    });
  if (n.status !== 201) throw new Error(`need: ${n.status} ${JSON.stringify(n.body)}`);
  await t.ds.query("UPDATE needs SET status = 'APPROVED' WHERE id = ?", [n.body.id]);
  return n.body.id as number;
}

export async function mealItemId(t: TestApp): Promise<number> {
  const v = await publishedVersionId(t.ds);
  const [i] = (await t.ds.query("SELECT id FROM catalogue_items WHERE version_id = ? AND code = 'A0101'", [
    v,
  ])) as Array<{ id: number }>;
  return i.id;
}

/** The richest unrestricted active line the demo `officer` (鼓楼区) may use: its own district's or the city's — not
 * a line another suite made in a district of its own. */
export async function activeLineId(t: TestApp): Promise<number> {
  const [l] = (await t.ds.query(
    `SELECT b.id FROM budget_lines b
      WHERE b.status = 'ACTIVE' AND b.restricted_category_code IS NULL
        AND (SELECT u.region_path FROM users u WHERE u.username = 'officer') LIKE CONCAT(b.region_path, '%')
      ORDER BY b.available_fen DESC LIMIT 1`,
  )) as Array<{ id: number }>;
  return l.id;
}

export const PLAN = {
  objectives: ['为独居老人提供每日午餐'],
  schedule: [{ period: '2027-01', activity: '启动服务' }],
  budget: [
    { item: '餐费补贴', amount: '6000.00' },
    { item: '人员经费', amount: '4000.00' },
  ],
  beneficiaries: 40,
  outputIndicators: [{ name: '服务人次', target: '≥ 9600' }],
  outcomeIndicators: [{ name: '满意度', target: '≥ 90%' }],
};

/** A project (officer) approved by finance: 800 meals × 12.50 = 10 000.00 yuan reserved. */
export async function approvedProject(t: TestApp, title: string): Promise<number> {
  const officer = await bearer(t, 'officer');
  const finance = await bearer(t, 'finance');
  const need = await approvedNeed(t, `${title}需求`);
  const p = await t
    .http()
    .post('/api/v1/projects')
    .set('Authorization', officer)
    .send({
      title,
      regionId: await regionId(t.ds, '320106002001'),
      catalogueItemId: await mealItemId(t),
      needIds: [need],
      quantity: 800,
      unitPrice: '12.50',
      budgetLineId: await activeLineId(t),
      plan: PLAN,
    });
  if (p.status !== 201) throw new Error(`project: ${p.status} ${JSON.stringify(p.body)}`);
  await t.http().post(`/api/v1/projects/${p.body.id}/submit`).set('Authorization', officer).expect(200);
  const a = await t
    .http()
    .post(`/api/v1/projects/${p.body.id}/approve`)
    .set('Authorization', finance)
    .send({ note: '同意' });
  if (a.status !== 200) throw new Error(`approve: ${a.status} ${JSON.stringify(a.body)}`);
  return p.body.id as number;
}

export function tenderBody(projectId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    projectId,
    title: '老年助餐服务采购',
    description: '采购老年助餐服务一年',
    method: 'OPEN_TENDER',
    scoringMethod: 'COMPREHENSIVE',
    priceWeight: 30,
    criteria: [
      { code: 'PLAN', name: '服务方案', maxScore: '40' },
      { code: 'TEAM', name: '团队与经验', maxScore: '30' },
    ],
    maxPrice: '9800.00',
    committeeSize: 5,
    bidDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    ...overrides,
  };
}

/** A published tender (legal period), ready for bids. */
export async function publishedTender(
  t: TestApp,
  title: string,
  overrides: Record<string, unknown> = {},
): Promise<number> {
  const officer = await bearer(t, 'officer');
  const projectId = await approvedProject(t, title);
  const c = await t.http().post('/api/v1/tenders').set('Authorization', officer).send(tenderBody(projectId, overrides));
  if (c.status !== 201) throw new Error(`tender: ${c.status} ${JSON.stringify(c.body)}`);
  const p = await t.http().post(`/api/v1/tenders/${c.body.id}/publish`).set('Authorization', officer);
  if (p.status !== 200) throw new Error(`publish: ${p.status} ${JSON.stringify(p.body)}`);
  return c.body.id as number;
}

export function bidBody(price: string): Record<string, unknown> {
  return {
    price,
    technical: { PLAN: '中央厨房配送，每日午餐两荤一素', TEAM: '专职厨师 3 名，社工 2 名' },
    documents: [{ fileName: '投标文件.pdf', contentBase64: PDF }],
  };
}

/** Moves the bid deadline to `seconds` from the database's now (as if the period had run). */
export async function deadlineIn(t: TestApp, tenderId: number, seconds: number): Promise<void> {
  await t.ds.query('UPDATE tenders SET bid_deadline = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND WHERE id = ?', [
    Math.round(seconds * 1_000_000),
    tenderId,
  ]);
}

/**
 * Puts the bid deadline a moment ahead of the database clock and returns once that clock has passed it — the clock
 * that decides lateness, polled rather than waited for a fixed time.
 */
export async function deadlinePassed(t: TestApp, tenderId: number): Promise<void> {
  await deadlineIn(t, tenderId, 0.05);
  for (;;) {
    const [row] = (await t.ds.query('SELECT UTC_TIMESTAMP(3) > bid_deadline AS passed FROM tenders WHERE id = ?', [
      tenderId,
    ])) as Array<{ passed: number | string }>;
    if (Number(row.passed) === 1) return;
    await sleep(20);
  }
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** `n` active, graded social organisations of 鼓楼区 with one member each, as actors (service-level tests and benches). */
export async function makeBidders(
  t: TestApp,
  n: number,
  prefix: string,
): Promise<import('../../src/platform/access').Actor[]> {
  const [gulou] = (await t.ds.query("SELECT id FROM regions WHERE code = '320106000000'")) as Array<{ id: number }>;
  const out: import('../../src/platform/access').Actor[] = [];
  for (let i = 0; i < n; i++) {
    const code = `52320106${prefix
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 3)
      .padEnd(3, 'X')}${String(i).padStart(6, '0')}X`.slice(0, 18);
    const org = (await t.ds.query(
      `INSERT INTO organisations (name, kind, credit_code, region_id, created_at, org_type, grade, grade_expires_on, status, updated_at)
       VALUES (?, 'SOCIAL_ORGANISATION', ?, ?, UTC_TIMESTAMP(3), 'SOCIAL_SERVICE_AGENCY', 4, '2099-12-31', 'ACTIVE', UTC_TIMESTAMP(3))`,
      [`${prefix}机构${i}`, code, gulou.id],
    )) as { insertId: number };
    const u = (await t.ds.query(
      `INSERT INTO users (username, display_name, phone, password_hash, status, failed_login_count, organisation_id, created_at, updated_at)
       VALUES (?, ?, NULL, 'x', 'ACTIVE', 0, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [`${prefix}${i}`, `${prefix}${i}`, org.insertId],
    )) as { insertId: number };
    await t.ds.query("INSERT INTO user_roles (user_id, role) VALUES (?, 'ORG_MEMBER')", [u.insertId]);
    out.push({
      userId: u.insertId,
      username: `${prefix}${i}`,
      roles: ['ORG_MEMBER'],
      regionId: null,
      regionPath: null,
      organisationId: org.insertId,
      sessionId: null,
      ip: '127.0.0.1',
    });
  }
  return out;
}
