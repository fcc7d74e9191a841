import { Connection, RowDataPacket } from 'mysql2/promise';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { BASE_URL, launch, newPage, shot, signIn } from './browser';
import { openDb, yuanText } from './db';

/**
 * 政府买单 part 1 in the browser, on the seeded data (three lines of 鼓楼区 this year, one pending): the
 * procurement officer creates a budget line and cannot approve anything; the finance officer
 * approves it, finds its 批复下达 entry in the ledger and the money in the execution dashboard.
 * Screenshots go to docs/screenshots/funds-*.png.
 */
const GULOU = '320106000000';
const AMOUNT = '88888.88';
const SHOWN = '¥88,888.88';

describe('政府买单: a budget line from request to the dashboard (Chromium)', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const title = `端到端社会捐赠资金 ${Date.now().toString(36)}`;
  let lineId = 0;

  async function open(username: string): Promise<Page> {
    const { context, page } = await newPage(browser);
    contexts.push(context);
    await signIn(page, username);
    await page.getByTestId('home-roles').waitFor();
    return page;
  }

  let db: Connection;

  beforeAll(async () => {
    db = await openDb();
    browser = await launch();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
  });

  it('the procurement officer sees the lines without approve buttons and creates a donation line', async () => {
    const page = await open('officer');
    await page.getByTestId('menu-funds-lines').click();
    await page.waitForURL(`${BASE_URL}/funds/lines`);
    await page.getByTestId('funds-lines-table').waitFor();
    // the seeded pending line is listed, but an officer cannot decide on it
    await page.locator('[data-testid^="funds-line-status-"][data-status="PENDING_APPROVAL"]').first().waitFor();
    expect(await page.locator('[data-testid^="funds-line-approve-"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="funds-line-reject-"]').count()).toBe(0);

    await page.getByTestId('funds-line-create').click();
    // the form starts on the officer's own region, 鼓楼区 (a second click on a selected node would clear it)
    const region = page.getByTestId('funds-line-form-region');
    await region.getByText(`鼓楼区 (${GULOU})`).waitFor();
    if (!(await region.innerText()).includes(GULOU)) {
      await region.click();
      await page.getByTestId(`funds-line-form-region-option-${GULOU}`).click();
    }
    await page.getByTestId('funds-line-form-source').click();
    await page.getByTestId('funds-line-form-source-option-DONATION').click();
    await page.getByTestId('funds-line-form-title').fill(title);
    await page.getByTestId('funds-line-form-amount').fill(AMOUNT);
    await shot(page, 'funds-form');
    await page.getByTestId('funds-line-form-submit').click();

    const row = page.locator('[data-testid^="funds-line-row-"]', { hasText: title });
    await row.waitFor();
    lineId = Number((await row.getAttribute('data-testid'))?.replace('funds-line-row-', ''));
    expect(lineId).toBeGreaterThan(0);
    expect(await row.getAttribute('data-title')).toBe(title);
    expect(await page.getByTestId(`funds-line-status-${lineId}`).getAttribute('data-status')).toBe('PENDING_APPROVAL');
    expect(await row.innerText()).toContain('社会捐赠');
    expect(await page.locator('[data-testid^="funds-line-approve-"]').count()).toBe(0);
    await shot(page, 'funds-lines-officer');

    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
  });

  it('the finance officer approves it; its ledger holds one 批复下达 entry of the amount', async () => {
    expect(lineId).toBeGreaterThan(0);
    const page = await open('finance');
    await page.getByTestId('menu-funds-lines').click();
    await page.getByTestId(`funds-line-row-${lineId}`).waitFor();
    await shot(page, 'funds-lines');

    await page.getByTestId(`funds-line-approve-${lineId}`).click();
    await page.getByTestId('funds-decision-note').fill('同意，按社会捐赠协议使用');
    await shot(page, 'funds-approve');
    await page.getByTestId('funds-decision-submit').click();
    const status = page.locator(`[data-testid="funds-line-status-${lineId}"][data-status="ACTIVE"]`);
    await status.waitFor();
    expect(await status.innerText()).toContain('已批准');
    expect(await page.getByTestId(`funds-line-approve-${lineId}`).count()).toBe(0);
    const row = page.getByTestId(`funds-line-row-${lineId}`);
    expect(await row.innerText()).toContain(SHOWN);
    await shot(page, 'funds-lines-approved');

    await page.getByTestId(`funds-line-open-${lineId}`).click();
    await page.waitForURL(`${BASE_URL}/funds/lines/${lineId}`);
    const entries = page.locator('[data-testid^="funds-entry-row-"]');
    await entries.first().waitFor();
    expect(await entries.count()).toBe(1);
    expect(await entries.first().getAttribute('data-operation')).toBe('ALLOCATE');
    const entryText = await entries.first().innerText();
    expect(entryText).toContain('批复下达');
    expect(entryText).toContain(SHOWN);
    expect(entryText).toContain(`line-${lineId}-approval`);
    expect(await page.getByTestId('funds-balance-allocated').innerText()).toContain('88,888.88');
    expect(await page.getByTestId('funds-balance-available').innerText()).toContain('88,888.88');
    expect(await page.getByTestId('funds-balance-paid').innerText()).toContain('0.00');
    // the finance officer may correct an entry; the officer-only adjustment request is not offered
    expect(await page.locator('[data-testid^="funds-entry-reverse-"]').count()).toBe(1);
    expect(await page.getByTestId('funds-adjust-create').count()).toBe(0);
    await shot(page, 'funds-ledger');
  });

  it('the dashboard shows the donation group with the allocated amount, and the ledger is consistent', async () => {
    const page = await open('finance');
    await page.getByTestId('menu-funds-dashboard').click();
    await page.waitForURL(`${BASE_URL}/funds/dashboard`);
    await page.getByTestId('funds-dashboard').waitFor();
    // both charts are drawn on a canvas
    await page.locator('[data-testid="funds-chart-source"] canvas').first().waitFor();
    await page.locator('[data-testid="funds-chart-region"] canvas').first().waitFor();
    expect(Number(await page.getByTestId('funds-chart-source').getAttribute('data-groups'))).toBeGreaterThanOrEqual(3);

    await page.getByTestId('funds-report-group-source').click();
    const donation = page.getByTestId('funds-report-row-DONATION');
    await donation.waitFor();
    expect(await donation.locator('td').first().innerText()).toBe('社会捐赠');
    expect(await donation.locator('[data-measure="allocated"]').innerText()).toBe(SHOWN);
    expect(await donation.locator('[data-measure="paidRate"]').innerText()).toBe('0.00%');

    await page.getByTestId('funds-consistency').click();
    const result = page.getByTestId('funds-consistency-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    // Grouped by region: the district's own lines (the new one among them) form the 鼓楼区（本级） group, whose
    // allocation is the sum of the active lines this year held at the district itself — computed here from the database.
    await page.getByTestId('funds-report-group-region').click();
    const [[gulou]] = await db.query<RowDataPacket[]>('SELECT id, path FROM regions WHERE code = ?', [GULOU]);
    const [[sum]] = await db.query<RowDataPacket[]>(
      `SELECT CAST(SUM(available_fen + reserved_fen + committed_fen + paid_fen) AS CHAR) AS fen FROM budget_lines
        WHERE status = 'ACTIVE' AND region_id = ? AND year = (SELECT year FROM budget_lines WHERE id = ?)`,
      [gulou.id, lineId],
    );
    const own = page.locator(`[data-testid="funds-report-row-${gulou.id}"][data-label="鼓楼区（本级）"]`);
    await own.waitFor();
    expect(await own.locator('[data-measure="allocated"]').innerText()).toBe(yuanText(sum.fen));
    // the source grouping's rows are gone: a region view, not the previous table
    expect(await page.getByTestId('funds-report-row-DONATION').count()).toBe(0);
    await shot(page, 'funds-dashboard');
  });
});
