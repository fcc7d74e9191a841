import ExcelJS from 'exceljs';
import { Connection, RowDataPacket } from 'mysql2/promise';
import { Browser, BrowserContext, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';

import { reportingDataset, ReportingDataset } from '../backend/test/factories/reporting.factory';
import { BASE_URL, launch, newPage, shot, signIn } from './browser';
import { openDb, yuanText } from './db';

/**
 * 数据看板 (issue #12) in the browser. On the demo seed: the procurement officer of 鼓楼区 opens the dashboards from
 * the menu, reads this year's funnel and budget execution — checked against the seed by plain SQL here (needs counted
 * by the Beijing year they were raised, the balances the ledger keeps on the lines) — narrows to a category and
 * downloads a chart as Excel. On the known dataset of the HTTP tests (backend/test/factories/reporting.factory.ts, a
 * district of its own, this year): its officer sees every chart with the hand-computed figures; its finance officer
 * reads the same money in English and exports it. Screenshots: docs/screenshots/dashboard-*.png.
 */
const GULOU = '320106000000';

describe('数据看板: officer and finance (Chromium)', () => {
  let browser: Browser;
  let db: Connection;
  const contexts: BrowserContext[] = [];
  const year = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
  let gulouPath = '';

  async function open(username: string): Promise<Page> {
    const { context, page } = await newPage(browser, { width: 1440, height: 900 });
    contexts.push(context);
    await signIn(page, username);
    await page.getByTestId('home-roles').waitFor();
    return page;
  }

  async function loaded(page: Page): Promise<void> {
    await page.locator('[data-testid="dashboards"][data-loaded="true"]').waitFor();
  }

  /** The seed's figures of 鼓楼区 for the year, by SQL that does not share the dashboards' queries. */
  async function expected(category: string | null) {
    const start = new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000);
    const end = new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000);
    const [needs] = await db.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS n FROM needs n JOIN catalogue_categories c ON c.id = n.category_id
        WHERE n.region_path LIKE ? AND n.created_at >= ? AND n.created_at < ? AND c.code LIKE ?`,
      [`${gulouPath}%`, start, end, `${category ?? ''}%`],
    );
    const [lines] = await db.query<RowDataPacket[]>(
      `SELECT COALESCE(SUM(available_fen + reserved_fen + committed_fen + paid_fen), 0) AS allocated,
              COALESCE(SUM(committed_fen + paid_fen), 0) AS committed, COALESCE(SUM(paid_fen), 0) AS paid
         FROM budget_lines WHERE status = 'ACTIVE' AND year = ? AND region_path LIKE ?`,
      [year, `${gulouPath}%`],
    );
    return {
      raised: Number(needs[0].n),
      allocated: yuanText(String(lines[0].allocated)),
      committed: yuanText(String(lines[0].committed)),
      paid: yuanText(String(lines[0].paid)),
    };
  }

  let d: ReportingDataset;

  beforeAll(async () => {
    db = await openDb();
    browser = await launch();
    const [rows] = await db.query<RowDataPacket[]>('SELECT path FROM regions WHERE code = ?', [GULOU]);
    gulouPath = String(rows[0].path);
    // the factory only calls `query(sql, params)`: the mysql2 connection behind that one method
    const ds = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params))[0] };
    d = await reportingDataset(ds as unknown as DataSource, year);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
  });

  it('the procurement officer reads the year of 鼓楼区, narrows it to a category and downloads the funnel', async () => {
    const page = await open('officer');
    await page.getByTestId('menu-dashboards').click();
    await page.waitForURL(`${BASE_URL}/dashboards`);
    await loaded(page);

    const all = await expected(null);
    expect(all.raised).toBeGreaterThan(0); // the demo seed raises needs in 鼓楼区 this year
    expect(await page.getByTestId('dashboards-funnel-raised').locator('[data-measure="needs"]').innerText()).toBe(
      String(all.raised),
    );
    const total = page.getByTestId('dashboards-budget-row-total');
    expect(await total.locator('[data-measure="allocated"]').innerText()).toBe(all.allocated);
    expect(await total.locator('[data-measure="committed"]').innerText()).toBe(all.committed);
    expect(await total.locator('[data-measure="paid"]').innerText()).toBe(all.paid);
    // every chart with figures is drawn, each beside its table
    await page.locator('[data-testid="dashboards-card-needs-funnel"] canvas').waitFor();
    await page.locator('[data-testid="dashboards-card-budget-execution"] canvas').waitFor();
    expect(
      await page
        .locator('[data-testid="dashboards-card-needs-funnel"] .dd-rep-chart[role="img"]')
        .getAttribute('aria-label'),
    ).toContain('需求漏斗');

    // by source: the ledger's money per funding source adds up to the same total
    await page.getByTestId('dashboards-budget-source').click();
    await page.locator('[data-testid="dashboards-budget-row-DISTRICT_FINANCE"]').waitFor();

    // category A 养老服务: the funnel counts only its needs
    await page.getByTestId('dashboards-category').click();
    await page.getByTestId('dashboards-category-option-A').click();
    const a = await expected('A');
    await page
      .locator('[data-testid="dashboards-funnel-raised"] [data-measure="needs"]', {
        hasText: new RegExp(`^${a.raised}$`),
      })
      .waitFor();
    await loaded(page);
    await shot(page, 'dashboard-category');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dashboards-export-needs-funnel').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^dashboard-needs-funnel-${year}-\\d+\\.xlsx$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('需求漏斗');
    expect(sheet.getRow(2).values).toEqual([undefined, '提出', a.raised, '—', a.raised > 0 ? '100.00%' : '—']);
    expect(wb.worksheets[1].getRow(3).values).toEqual([undefined, '类别', 'A 养老服务']);
  });

  it("the dataset's officer sees every chart with its hand-computed figures", async () => {
    const page = await open(d.users.officer);
    await page.goto(`${BASE_URL}/dashboards`);
    await loaded(page);
    const cells = async (testId: string) =>
      (await page.getByTestId(testId).locator('td').allInnerTexts()).map((t) => t.trim());
    for (const [stage, needs] of [
      ['raised', '10'],
      ['accepted', '7'],
      ['approved', '5'],
      ['funded', '3'],
      ['delivered', '2'],
      ['evaluated', '1'],
    ])
      expect(await cells(`dashboards-funnel-${stage}`)).toContain(needs);
    expect(await cells('dashboards-budget-row-total')).toEqual([
      '¥1,200,000.00',
      '¥50,000.00',
      '¥210,000.00',
      '¥110,000.00',
      '17.50%',
      '9.16%',
    ]);
    expect(await cells('dashboards-projects-total')).toEqual(['7', '¥330,000.00']);
    expect(await cells('dashboards-milestones-total')).toEqual(['4', '2', '1', '1', '57.14%']);
    expect(await cells('dashboards-grades-EXCELLENT')).toEqual(['1', '0', '1', '25.00%']);
    expect(await page.getByTestId('dashboards-grades-average').innerText()).toContain('76.19');
    expect(await cells('dashboards-satisfaction-total')).toEqual(['3', '7', '5', '71.42%']);
    expect(await cells(`dashboards-org-${d.o1}`)).toEqual([
      '4A',
      '2',
      '¥130,000.00',
      '2',
      '2',
      '1/0/1/0',
      '82.13',
      '0',
    ]);
    expect(await cells(`dashboards-org-${d.o2}`)).toEqual(['—', '2', '¥110,000.00', '2', '1', '0/1/0/1', '70.25', '1']);
    for (const card of ['needs-funnel', 'budget-execution', 'projects', 'milestones', 'grades', 'satisfaction'])
      await page.locator(`[data-testid="dashboards-card-${card}"] canvas`).waitFor();
    await shot(page, 'dashboard-officer');

    // a street of the district: the tree picker offers the subtree; the figures follow
    await page.getByTestId('dashboards-region').click();
    await page.locator('nz-tree-node-title', { hasText: `报表二街道${d.run}` }).click();
    await page.getByTestId('dashboards-funnel-raised').locator('td', { hasText: /^4$/ }).waitFor();
    await loaded(page);
    expect(await cells('dashboards-projects-total')).toEqual(['4', '¥130,000.00']);
  });

  it("the dataset's finance officer reads the money in English and exports the budget execution", async () => {
    const page = await open(d.users.finance);
    await page.goto(`${BASE_URL}/dashboards`);
    await loaded(page);
    await page.getByTestId('lang-en-US').click();
    await page.getByRole('heading', { name: 'Dashboards' }).waitFor();
    await loaded(page);
    await page.getByTestId('dashboards-budget-source').click();
    await page
      .getByTestId('dashboards-budget-row-WELFARE_LOTTERY')
      .locator('th', { hasText: 'Welfare lottery fund' })
      .waitFor();
    const total = page.getByTestId('dashboards-budget-row-total');
    expect(await total.locator('[data-measure="allocated"]').innerText()).toBe('¥1,200,000.00');
    expect(await total.locator('[data-measure="paid"]').innerText()).toBe('¥110,000.00');
    expect(await page.getByTestId('dashboards-funnel-funded').locator('th').innerText()).toBe(
      'Contracted (funds committed)',
    );
    await shot(page, 'dashboard-finance');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('dashboards-export-budget-execution').click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Budget execution', 'About']);
    // the workbook's figures are the page's, as exact yuan strings
    expect(wb.worksheets[0].getRow(2).values).toEqual([
      undefined,
      'Total',
      'Total',
      '1200000.00',
      '50000.00',
      '210000.00',
      '110000.00',
      '17.50%',
      '9.16%',
    ]);
    // the language is a saved preference: leave the account in Chinese
    await page.getByTestId('lang-zh-CN').click();
    await page.getByRole('heading', { name: '数据看板' }).waitFor();
  });
});
