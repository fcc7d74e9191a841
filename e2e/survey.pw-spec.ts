import { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { BASE_URL, launch, newPage, shot, signIn } from './browser';
import { openDb } from './db';

/**
 * 满意度调查 in the browser (issue #11 items 4, 8, 9): the officer opens a project's survey and sees its link and QR
 * code; the resident who raised the need finds the invitation in the inbox and answers on a phone (390×844); a
 * resident who was not signed in signs in and comes back to the link, and is told why they may not answer; the
 * community worker records a beneficiary and takes their answer; the officer and the evaluated organisation read the
 * figures. The contract is inserted as signing leaves it. Screenshots: docs/screenshots/survey-*.png.
 */
const PHONE = { width: 390, height: 844 };
const PASSWORD = 'Diandan@2026';

describe('第三方验单: a satisfaction survey shared, answered on a phone and by proxy, read as figures (Chromium)', () => {
  let browser: Browser;
  let db: Connection;
  const contexts: BrowserContext[] = [];
  let projectId = 0;
  let link = '';
  const tokens = new Map<string, string>();

  async function api<T>(method: string, path: string, user: string, body?: unknown): Promise<T> {
    let token = tokens.get(user);
    if (!token) {
      const res = await fetch(`${BASE_URL}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: user, password: PASSWORD }),
      });
      token = ((await res.json()) as { accessToken: string }).accessToken;
      tokens.set(user, token);
    }
    const res = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} as ${user}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async function open(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const { context, page } = await newPage(browser, viewport);
    contexts.push(context);
    await signIn(page, username);
    return page;
  }

  beforeAll(async () => {
    db = await openDb();
    browser = await launch();
    // the resident's need (the council's approval recorded directly), the officer's project approved by finance and
    // its call drafted; the contract as signing leaves it
    const [[ids]] = await db.query<RowDataPacket[]>(
      `SELECT (SELECT id FROM campaigns WHERE status = 'OPEN' ORDER BY id LIMIT 1) AS campaign,
         (SELECT i.id FROM catalogue_items i JOIN catalogue_versions v ON v.id = i.version_id
           WHERE v.status = 'PUBLISHED' AND i.code = 'A0101') AS item,
         (SELECT i.category_id FROM catalogue_items i JOIN catalogue_versions v ON v.id = i.version_id
           WHERE v.status = 'PUBLISHED' AND i.code = 'A0101') AS category,
         (SELECT id FROM regions WHERE code = '320106002001') AS community,
         (SELECT b.id FROM budget_lines b WHERE b.status = 'ACTIVE' AND b.restricted_category_code IS NULL
           AND (SELECT u.region_path FROM users u WHERE u.username = 'officer') LIKE CONCAT(b.region_path, '%')
           ORDER BY b.available_fen DESC LIMIT 1) AS line,
         (SELECT year FROM catalogue_versions WHERE status = 'PUBLISHED' LIMIT 1) AS year`,
    );
    const need = await api<{ id: number }>('POST', '/needs', 'resident', {
      campaignId: ids.campaign,
      categoryId: ids.category,
      title: '独居老人午餐送餐上门',
      description: '行动不便的老人希望每天中午有人送餐上门。',
      attributes: { targetGroup: '独居老人', headcount: 20, frequency: '每天', timeWindow: '每周一至周五 11:00-12:30' },
      location: '山西路社区',
    });
    await db.query("UPDATE needs SET status = 'APPROVED' WHERE id = ?", [need.id]);
    const project = await api<{ id: number }>('POST', '/projects', 'officer', {
      title: '山西路社区独居老人助餐服务',
      regionId: ids.community,
      catalogueItemId: ids.item,
      needIds: [need.id],
      quantity: 800,
      unitPrice: '12.50',
      budgetLineId: ids.line,
      plan: {
        objectives: ['为独居老人提供每日午餐'],
        schedule: [{ period: `${ids.year + 1}-01`, activity: '启动服务' }],
        budget: [
          { item: '餐费补贴', amount: '6000.00' },
          { item: '人员经费', amount: '4000.00' },
        ],
        beneficiaries: 20,
        outputIndicators: [{ name: '送餐人次', target: '≥ 800' }],
        outcomeIndicators: [{ name: '满意度', target: '≥ 90%' }],
      },
    });
    projectId = project.id;
    await api('POST', `/projects/${projectId}/submit`, 'officer');
    await api('POST', `/projects/${projectId}/approve`, 'finance', { note: '同意' });
    const tender = await api<{ id: number }>('POST', '/tenders', 'officer', {
      projectId,
      title: '山西路社区独居老人助餐服务采购',
      description: '为山西路社区独居老人提供午餐送餐上门服务一年。',
      method: 'COMPETITIVE_CONSULTATION',
      scoringMethod: 'COMPREHENSIVE',
      priceWeight: 30,
      criteria: [{ code: 'PLAN', name: '服务方案', maxScore: '70' }],
      maxPrice: '9800.00',
      committeeSize: 3,
      bidDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    const [[p]] = await db.query<RowDataPacket[]>(
      'SELECT region_id, region_path, budget_line_id FROM projects WHERE id = ?',
      [projectId],
    );
    const [[people]] = await db.query<RowDataPacket[]>(
      "SELECT (SELECT id FROM users WHERE username = 'officer') AS officer, (SELECT id FROM users WHERE username = 'orgmember') AS member, (SELECT organisation_id FROM users WHERE username = 'orgmember') AS org",
    );
    await db.query<ResultSetHeader>(
      `INSERT INTO contracts (code, project_id, tender_id, winner_bid_id, region_id, region_path, budget_line_id,
         organisation_id, title, status, amount_fen, changes_fen, content, term_start, term_end, max_term_months,
         payment_days, bond_bp, bond_fen, award_notice_at, signature_due_at, purchaser_signed_by, purchaser_signed_at,
         supplier_signed_by, supplier_signed_at, frozen_content, content_sha256, signed_at, created_at, updated_at)
       VALUES (CONCAT('HT-SV-', FLOOR(RAND() * 1000000)), ?, ?, UUID(), ?, ?, ?, ?, '山西路社区独居老人助餐服务合同', 'ACTIVE', 980000, 0, '{}',
         CURDATE() - INTERVAL 60 DAY, CURDATE() + INTERVAL 300 DAY, 12, 30, 0, 0, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL 30 DAY,
         ?, UTC_TIMESTAMP(3), ?, UTC_TIMESTAMP(3), '{}', REPEAT('0', 64), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
      [projectId, tender.id, p.region_id, p.region_path, p.budget_line_id, people.org, people.officer, people.member],
    );
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
  });

  it('the officer opens the project’s survey and gets its link and QR code to share', async () => {
    const page = await open('officer');
    await page.goto(`${BASE_URL}/evaluation/surveys`);
    await page.getByTestId('surveys-filter-q').fill('独居老人助餐');
    await page.getByTestId('surveys-search').click();
    await page.getByTestId(`survey-view-${projectId}`).click();
    await page.waitForURL(`${BASE_URL}/evaluation/surveys/${projectId}`);
    await page.getByTestId('survey-open').click();
    await page.locator('[data-testid="survey-detail-status"][data-status="OPEN"]').waitFor();
    await page.locator('[data-testid="survey-qr"] svg').waitFor();
    link = new URL(await page.getByTestId('survey-link').inputValue()).pathname;
    expect(link).toMatch(/^\/s\/[0-9a-f]{32}$/);
    // the QR code has a name for screen readers, its drawing is hidden from them
    expect(await page.getByTestId('survey-qr').getAttribute('aria-label')).toContain('山西路社区独居老人助餐服务');
    await shot(page, 'survey-officer-share');
  });

  it('the resident finds the invitation in the inbox and answers on a phone', async () => {
    const page = await open('resident', PHONE);
    await page.goto(`${BASE_URL}/inbox`);
    const invitation = page.locator('[data-testid^="inbox-item-"]', { hasText: '请为服务打分' }).first();
    await invitation.waitFor();
    await invitation.locator('[data-testid^="inbox-link-"]').click();
    await page.waitForURL(`${BASE_URL}${link}`);
    await page.getByTestId('survey-form').waitFor();
    for (const [q, point] of [
      ['OVERALL', 5],
      ['ATTITUDE', 5],
      ['TIMELINESS', 4],
      ['QUALITY', 4],
      ['RECOMMEND', 5],
    ] as const)
      await page.getByTestId(`survey-q-${q}-${point}`).click();
    await page.getByTestId('survey-comment').fill('饭菜热乎，送餐很准时。');
    // one column on the phone, every choice at least 44 px tall to tap
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const heights = await page
      .locator('.dd-choice')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await shot(page, 'survey-resident-phone');
    await page.getByTestId('survey-submit').click();
    await page.getByTestId('survey-done').waitFor();
    expect(await page.getByTestId('survey-summary-OVERALL').textContent()).toContain('非常满意');
    await shot(page, 'survey-resident-thanks');
    // and the step on the need's timeline, with the same link
    await page.goto(`${BASE_URL}/needs/mine`);
    await page.locator('[data-testid="timeline-link"]').first().waitFor();
    expect(await page.locator('[data-testid="timeline-link"]').first().getAttribute('href')).toBe(link);
  });

  it('a resident who was not signed in signs in, comes back to the link, and is told why they may not answer', async () => {
    const { context, page } = await newPage(browser, PHONE);
    contexts.push(context);
    await page.goto(`${BASE_URL}${link}`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-username').fill('resident2');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(`${BASE_URL}${link}`);
    await page.getByTestId('survey-not-eligible').waitFor();
    expect(await page.getByTestId('survey-not-eligible').textContent()).toContain('联系社区工作者为您登记');
    await shot(page, 'survey-not-eligible-phone');
  });

  it('the community worker records a beneficiary and takes her answer', async () => {
    const page = await open('worker');
    await page.goto(`${BASE_URL}/community/surveys/${projectId}`);
    await page.getByTestId('survey-add-resident').fill('138 0000 0003');
    await page.getByTestId('survey-add').click();
    const [[r3]] = await db.query<RowDataPacket[]>("SELECT id FROM users WHERE username = 'resident3'");
    await page.getByTestId(`survey-resident-${r3.id}`).waitFor();
    await page.getByTestId('survey-proxy-resident').click();
    await page.locator('nz-option-item', { hasText: '王奶奶' }).click();
    for (const [q, point] of [
      ['OVERALL', 3],
      ['ATTITUDE', 4],
      ['TIMELINESS', 3],
      ['QUALITY', 3],
      ['RECOMMEND', 3],
    ] as const)
      await page.getByTestId('survey-proxy').getByTestId(`survey-q-${q}-${point}`).click();
    await page.getByTestId('survey-proxy').getByTestId('survey-comment').fill('老人说菜有点咸。');
    await page.getByTestId('survey-proxy-submit').click();
    await page.locator(`[data-testid="survey-resident-answered-${r3.id}"]`, { hasText: '社工代填' }).waitFor();
    await shot(page, 'survey-worker-proxy');
    const [[row]] = await db.query<RowDataPacket[]>(
      `SELECT a.channel, a.proxy_by = (SELECT id FROM users WHERE username = 'worker') AS by_worker, a.overall
         FROM evaluation_survey_answers a JOIN evaluation_surveys s ON s.id = a.survey_id WHERE s.project_id = ? AND a.resident_id = ?`,
      [projectId, r3.id],
    );
    expect(row).toMatchObject({ channel: 'PROXY', by_worker: 1, overall: 3 });
  });

  it('the officer reads the figures; the evaluated organisation the same figures, and nobody’s name', async () => {
    const page = await open('officer');
    await page.goto(`${BASE_URL}/evaluation/surveys/${projectId}`);
    await page.locator('[data-testid="survey-figures-answers"]', { hasText: '2' }).waitFor();
    expect(await page.getByTestId('survey-figures-satisfaction').textContent()).toContain('50.00%');
    expect(await page.getByTestId('survey-figures-response').textContent()).toContain('100.00%');
    await page.locator('[data-testid^="survey-resident-answered-"]').first().waitFor();
    await shot(page, 'survey-figures');

    const org = await open('orgmember');
    await org.goto(`${BASE_URL}/evaluation/surveys/${projectId}`);
    await org.locator('[data-testid="survey-figures-answers"]', { hasText: '2' }).waitFor();
    expect(await org.getByTestId('survey-comments').textContent()).toContain('饭菜热乎');
    const text = (await org.locator('main, body').first().textContent()) ?? '';
    for (const name of ['张大爷', '王奶奶', '陈社工', '13800000001', '138****0003']) expect(text).not.toContain(name);
    expect(await org.getByTestId('survey-residents').count()).toBe(0);
    expect(await org.getByTestId('survey-share').count()).toBe(0);
  });
});
