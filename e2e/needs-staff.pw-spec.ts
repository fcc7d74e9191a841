import { Connection, RowDataPacket } from 'mysql2/promise';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { BASE_URL, launch, newPage, shot, signIn } from './browser';
import { openDb } from './db';

/**
 * The staff side of 群众点单 on the seeded data: the community worker verifies a resident, enters a
 * need for an offline resident (代录), rejects and merges needs in moderation and finds an open
 * campaign's rules frozen; the procurement officer drafts, edits and publishes a catalogue version.
 * Screenshots go to docs/screenshots/needs-staff-*.png.
 */
const DEMO_CAMPAIGN = '山西路社区年度需求征集';

/** Submits a need into the seeded open campaign as the signed-in user; returns its id. */
async function submitNeed(page: Page, title: string, proxy: boolean): Promise<number> {
  await page.goto(`${BASE_URL}/needs/new`);
  await page.getByTestId('need-form-campaign').click();
  await page.locator('[data-testid^="need-form-campaign-option-"]', { hasText: DEMO_CAMPAIGN }).first().click();
  await page.getByTestId('need-form-category').click();
  await page.getByTestId('need-form-category-option-D01').click();
  await page.getByTestId('need-form-attr-headcount').fill('25');
  await page.getByTestId('need-form-title').fill(title);
  await page.getByTestId('need-form-description').fill('端到端测试需求');
  await page.getByTestId('need-form-location').fill('山西路社区');
  if (proxy) {
    await page.getByTestId('need-form-offline-name').fill('李奶奶');
    await page.getByTestId('need-form-offline-phone').fill('13900000009');
    await shot(page, 'needs-staff-proxy-form');
  }
  await page.getByTestId('need-form-submit').click();
  await page.getByTestId('need-created').waitFor();
  return Number((await page.getByTestId('need-created-view').getAttribute('href'))?.split('/').pop());
}

describe('群众点单: the community worker’s and the procurement officer’s pages (Chromium)', () => {
  let browser: Browser;
  let db: Connection;
  const contexts: BrowserContext[] = [];

  /** One saved row, read after the user has seen the change. */
  async function row(sql: string, params: unknown[]): Promise<RowDataPacket> {
    const [[found]] = await db.query<RowDataPacket[]>(sql, params);
    return found;
  }

  async function open(username: string): Promise<Page> {
    const { context, page } = await newPage(browser);
    contexts.push(context);
    await signIn(page, username);
    await page.getByTestId('home-roles').waitFor();
    return page;
  }

  beforeAll(async () => {
    db = await openDb();
    browser = await launch();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
  });

  it('the worker verifies a newly registered resident', async () => {
    const page = await open('worker');
    await page.getByTestId('menu-residents').click();
    const row = page.getByTestId('resident-row-newcomer');
    await row.waitFor();
    await shot(page, 'needs-staff-residents');
    await row.locator('[data-testid^="resident-verify-"]').click();
    await row.waitFor({ state: 'detached' });
    // gone from the queue because verified, by this worker
    const saved = await db.query<RowDataPacket[]>(
      `SELECT r.resident_verified_at AS at, w.username AS byUser
         FROM users r LEFT JOIN users w ON w.id = r.resident_verified_by WHERE r.username = 'newcomer'`,
    );
    expect(saved[0][0]).toEqual(expect.objectContaining({ at: expect.any(Date), byUser: 'worker' }));
  });

  it('the worker enters a need for an offline resident, then rejects one and merges another in moderation', async () => {
    const page = await open('worker');
    const proxied = await submitNeed(page, '社区议事厅修缮', true);
    const duplicate = await submitNeed(page, '重复提交的议事需求', true);

    await page.getByTestId('menu-moderation').click();
    await page.getByTestId(`moderation-row-${proxied}`).waitFor();
    expect(await page.getByTestId(`moderation-row-${proxied}`).innerText()).toContain('社工代录');
    await shot(page, 'needs-staff-moderation');

    await page.getByTestId(`moderation-reject-${proxied}`).click();
    await page.getByTestId('reject-reason').click();
    await page.getByTestId('reject-reason-option-INSUFFICIENT_INFO').click();
    await page.getByTestId('reject-note').fill('请补充议事厅的具体位置和面积');
    await shot(page, 'needs-staff-reject');
    await page.getByTestId('reject-submit').click();
    await page.getByTestId(`moderation-row-${proxied}`).waitFor({ state: 'detached' });

    await page.getByTestId(`moderation-merge-${duplicate}`).click();
    await page.getByTestId('merge-target').click();
    await page.locator('[data-testid^="merge-target-option-"]').first().click();
    await page.getByTestId('merge-submit').click();
    await page.getByTestId(`moderation-row-${duplicate}`).waitFor({ state: 'detached' });

    expect(await row('SELECT status, channel, offline_name, reject_reason FROM needs WHERE id = ?', [proxied])).toEqual(
      expect.objectContaining({
        status: 'REJECTED',
        channel: 'PROXY',
        offline_name: '李奶奶',
        reject_reason: 'INSUFFICIENT_INFO',
      }),
    );
    const merged = await row('SELECT status, merged_into_id FROM needs WHERE id = ?', [duplicate]);
    expect(merged.status).toBe('MERGED');
    expect(merged.merged_into_id).toEqual(expect.any(Number));
    expect(merged.merged_into_id).not.toBe(duplicate);

    await page.goto(`${BASE_URL}/needs/${duplicate}`);
    await page.getByTestId('need-merged-into').waitFor();
    expect(await page.getByTestId('need-detail-status').innerText()).toContain('已合并');
    await page.goto(`${BASE_URL}/needs/${proxied}`);
    expect(await page.getByTestId('need-detail-reject').innerText()).toContain('信息不完整');
    await shot(page, 'needs-staff-rejected-detail');
  });

  it('an open campaign shows its rules frozen', async () => {
    const page = await open('worker');
    await page.getByTestId('menu-campaigns').click();
    const row = page.locator('[data-testid^="campaign-row-"]', { hasText: DEMO_CAMPAIGN }).first();
    await row.waitFor();
    await row.locator('[data-testid^="campaign-edit-"]').click();
    await page.getByTestId('campaign-form-frozen').waitFor();
    expect(await page.getByTestId('campaign-form-frozen').innerText()).toContain('规则已冻结');
    expect(await page.getByTestId('campaign-form-submit').count()).toBe(0);
    await shot(page, 'needs-staff-frozen');
  });

  it('the officer drafts a new catalogue version, adds a category with typed attributes and a priced item, and publishes it', async () => {
    const page = await open('officer');
    await page.getByTestId('menu-catalogue').click();
    await page.getByTestId('catalogue-detail').waitFor();
    await page.getByTestId('category-A01').waitFor();
    expect(await page.getByTestId('item-price-A0101').innerText()).toBe('¥15.00');
    await shot(page, 'needs-staff-catalogue');

    await page.getByTestId('catalogue-copy').click();
    await page.getByTestId('version-form-submit').click();
    await page.getByTestId('catalogue-publish').waitFor();

    await page.getByTestId('catalogue-add-category').click();
    await page.getByTestId('category-form-code').fill('Z');
    await page.getByTestId('category-form-name').fill('试点服务');
    await page.getByTestId('schema-add').click();
    await page.getByTestId('schema-key-0').fill('district');
    await page.getByTestId('schema-label-0').fill('片区');
    await page.getByTestId('schema-type-0').click();
    await page.locator('nz-option-item', { hasText: '单选' }).click();
    await page.getByTestId('schema-options-0').fill('东片、西片');
    await shot(page, 'needs-staff-category-form');
    await page.getByTestId('category-form-submit').click();
    await page.getByTestId('category-Z').waitFor();

    await page.getByTestId('item-add-Z').click();
    await page.getByTestId('item-form-code').fill('Z01');
    await page.getByTestId('item-form-name').fill('试点上门服务');
    await page.getByTestId('item-form-standard').fill('每次不少于1小时');
    await page.getByTestId('item-form-unit').fill('人次');
    await page.getByTestId('item-form-price').fill('12.5');
    await page.getByTestId('item-form-submit').click();
    await page.getByTestId('item-Z01').waitFor();
    expect(await page.getByTestId('item-price-Z01').innerText()).toBe('¥12.50');

    await page.getByTestId('catalogue-publish').click();
    await page.locator('.ant-popover-buttons button, .ant-popconfirm-buttons button').last().click();
    await page.getByTestId('catalogue-publish').waitFor({ state: 'detached' });
    // the new version is the published one, with the item at its exact cap
    const published = await row(
      `SELECT v.status, i.price_cap_fen AS cap FROM catalogue_items i JOIN catalogue_versions v ON v.id = i.version_id
        WHERE i.code = 'Z01' ORDER BY v.id DESC LIMIT 1`,
      [],
    );
    expect([published.status, String(published.cap)]).toEqual(['PUBLISHED', '1250']);
    await shot(page, 'needs-staff-catalogue-published');
  });
});
