import { Connection, RowDataPacket } from 'mysql2/promise';
import { Browser, BrowserContext, Page } from 'playwright-core';

import { BASE_URL, launch, newPage, shot, signIn } from './browser';
import { openDb } from './db';

/**
 * 群众点单, end to end on the built app with the worker running (campaign open/close jobs):
 * a resident submits a need on a phone, the community worker accepts it, two neighbours support it,
 * the campaign closes (shortlisting it), the worker records the council's approval, and the resident
 * sees the timeline and an inbox message. Screenshots go to docs/screenshots/needs-*.png.
 *
 * The campaign is created by the test through the UI and closes CAMPAIGN_WINDOW_S seconds after it is
 * saved: the residents' part must happen inside that window, so every account signs in beforehand.
 */
const PHONE = { width: 390, height: 844 };
const CAMPAIGN_WINDOW_S = 40;
const CLOSE_WAIT_MS = 90_000;
const COMMUNITY_CODE = '320106002001'; // 山西路社区
const NEED_TITLE = '社区老年助餐服务';
/** A 1×1 PNG: the API recognises attachments by their magic bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** An instant as the value of a `datetime-local` input in Asia/Shanghai (the browser contexts' zone, no DST). */
function shanghaiLocal(ms: number): string {
  const text = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);
  return text.endsWith(':00') ? text.slice(0, 16) : text;
}

function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The number at the end of a `data-testid` such as `campaign-row-12`. */
async function idOf(page: Page, selector: string, prefix: string): Promise<number> {
  const testId = await page.locator(selector).first().getAttribute('data-testid');
  if (!testId?.startsWith(prefix)) throw new Error(`no ${prefix}… for ${selector}`);
  return Number(testId.slice(prefix.length));
}

/** Fills every typed attribute the chosen category asks for, whatever the seeded schema is. */
async function fillAttributes(page: Page): Promise<void> {
  const fields = page.locator('[data-testid^="need-form-attr-"][data-attr-type]');
  const count = await fields.count();
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    const type = await field.getAttribute('data-attr-type');
    const tag = await field.evaluate((el) => el.tagName.toLowerCase());
    if (type === 'enum' && tag === 'nz-radio-group') {
      await field.locator('label').first().click();
    } else if (type === 'enum') {
      await field.click();
      await page.locator('nz-option-item').first().click();
    } else if (type === 'int') {
      const min = Number((await field.getAttribute('data-min')) ?? '1');
      await field.fill(String(Math.max(min, 40)));
    } else if (type === 'timeWindow') {
      await field.fill('每周一至周五 11:00-12:30');
    } else {
      await field.fill('山西路社区活动中心');
    }
  }
}

describe('群众点单: a resident’s need from submission to the council’s approval (Chromium, phone-sized for residents)', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let worker: Page;
  let resident: Page;
  let neighbours: Page[];
  const campaignTitle = `山西路社区端到端征集${Date.now().toString(36)}`;
  let campaignId = 0;
  let needId = 0;
  let db: Connection;

  /** The need's status as saved (read after the user has seen the change). */
  async function needStatus(): Promise<string> {
    const [[row]] = await db.query<RowDataPacket[]>('SELECT status FROM needs WHERE id = ?', [needId]);
    return String(row?.status);
  }

  beforeAll(async () => {
    db = await openDb();
    browser = await launch();
    const open = async (username: string, viewport?: { width: number; height: number }): Promise<Page> => {
      const { context, page } = await newPage(browser, viewport);
      contexts.push(context);
      await signIn(page, username);
      // residents land on their community's needs, the worker on the desk: both show the header's user
      await page.getByTestId('header-user').waitFor();
      return page;
    };
    worker = await open('worker');
    resident = await open('resident', PHONE);
    neighbours = [await open('resident2', PHONE), await open('resident3', PHONE)];
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await db?.end();
  });

  it('on a phone, the resident’s menu offers the needs pages and similar needs are suggested while typing', async () => {
    await resident.getByTestId('menu-toggle').click();
    await resident.getByTestId('menu-needs-community').waitFor();
    expect(await resident.getByTestId('menu-needs-new').count()).toBe(1);
    expect(await resident.getByTestId('menu-needs-mine').count()).toBe(1);
    expect(await resident.getByTestId('menu-inbox').count()).toBe(1);
    expect(await resident.getByTestId('menu-campaigns').count()).toBe(0);
    await shot(resident, 'needs-resident-menu');
    await resident.getByTestId('menu-needs-new').click();
    await resident.waitForURL(`${BASE_URL}/needs/new`);

    // The seeded open campaign already holds 社区老年助餐点: a similar title brings it up.
    await resident.getByTestId('need-form-campaign').click();
    await resident.locator('[data-testid^="need-form-campaign-option-"]', { hasText: '山西路社区' }).first().click();
    await resident.getByTestId('need-form-title').fill(NEED_TITLE);
    await resident.getByTestId('need-similar').waitFor();
    expect(await resident.getByTestId('need-similar').innerText()).toContain('社区老年助餐点');
    await shot(resident, 'needs-similar');
  });

  it('the worker creates a campaign for 山西路社区 that opens now and closes shortly', async () => {
    await worker.getByTestId('menu-campaigns').click();
    await worker.waitForURL(`${BASE_URL}/campaigns`);
    await worker.getByTestId('campaigns-create').click();
    await worker.getByTestId('campaign-form-region').click();
    await worker.getByTestId(`campaign-form-region-option-${COMMUNITY_CODE}`).click();
    await worker.getByTestId('campaign-form-title').fill(campaignTitle);
    await worker.getByTestId('campaign-form-description').fill('端到端测试：短时征集');
    await worker.getByTestId('campaign-form-supports').fill('3');
    await worker.getByTestId('campaign-form-min').fill('2');
    // The newest published catalogue is preselected; choose one only if it is not.
    if ((await worker.getByTestId('campaign-form-catalogue').locator('.ant-select-selection-item').count()) === 0) {
      await worker.getByTestId('campaign-form-catalogue').click();
      await worker.locator('[data-testid^="campaign-form-catalogue-option-"]').first().click();
    }
    await worker.getByTestId('campaign-form-opens').fill(shanghaiLocal(Date.now() - 60_000));
    await worker.getByTestId('campaign-form-closes').fill(shanghaiLocal(Date.now() + CAMPAIGN_WINDOW_S * 1000));
    await shot(worker, 'needs-campaign-form');
    await worker.getByTestId('campaign-form-submit').click();

    const row = `[data-testid^="campaign-row-"][data-title="${campaignTitle}"]`;
    await worker.locator(row).waitFor();
    campaignId = await idOf(worker, row, 'campaign-row-');
    // Its window has started: it opened in the same transaction, and its rules are frozen.
    expect(await worker.getByTestId(`campaign-status-${campaignId}`).getAttribute('data-status')).toBe('OPEN');
    await shot(worker, 'needs-campaigns');
  });

  it('the resident submits a need into it on a phone, with typed attributes and a photo', async () => {
    await resident.goto(`${BASE_URL}/needs/new`);
    await resident.getByTestId('need-form-campaign').click();
    await resident.getByTestId(`need-form-campaign-option-${campaignId}`).click();
    await resident.getByTestId('need-form-category').click();
    await resident.getByTestId('need-form-category-option-A01').click();
    await resident.getByTestId('need-form-attributes').waitFor();
    await fillAttributes(resident);
    await resident.getByTestId('need-form-title').fill(NEED_TITLE);
    await resident
      .getByTestId('need-form-description')
      .fill('小区独居老人多，希望活动中心中午提供热饭，行动不便的老人可以送餐上门。');
    await resident.getByTestId('need-form-location').fill('山西路社区活动中心');
    expect(await resident.getByTestId('need-form-offline-name').count()).toBe(0);
    await shot(resident, 'needs-submit-form');
    await resident.getByTestId('need-form-submit').click();

    await resident.getByTestId('need-created').waitFor();
    const href = await resident.getByTestId('need-created-view').getAttribute('href');
    needId = Number(href?.split('/').pop());
    expect(needId).toBeGreaterThan(0);
    await resident
      .getByTestId('need-upload-input')
      .setInputFiles({ name: '活动中心.png', mimeType: 'image/png', buffer: PNG });
    await resident.getByTestId('need-uploaded').waitFor();
    await shot(resident, 'needs-submitted');
  });

  it('the worker accepts it in moderation', async () => {
    await worker.getByTestId('menu-moderation').click();
    await worker.getByTestId(`moderation-row-${needId}`).waitFor();
    await shot(worker, 'needs-moderation');
    await worker.getByTestId(`moderation-accept-${needId}`).click();
    await worker.getByTestId(`moderation-row-${needId}`).waitFor({ state: 'detached' });
    // it left the queue because it was accepted (open for support), not merely hidden
    expect(await needStatus()).toBe('ACCEPTED');
  });

  it('two neighbours support it on their phones, and the count is exact', async () => {
    let expected = 0;
    for (const [index, page] of neighbours.entries()) {
      await page.goto(`${BASE_URL}/needs/community`);
      await page.getByTestId(`need-card-${needId}`).waitFor();
      if (index === 0) await shot(page, 'needs-community');
      await page.getByTestId(`need-support-${needId}`).click();
      await page.getByTestId(`need-withdraw-${needId}`).waitFor();
      expected++;
      expect(await page.getByTestId(`need-support-count-${needId}`).innerText()).toBe(String(expected));
      // Each neighbour has 3 supports in the campaign and has used one.
      const remaining = page.getByTestId(`community-campaign-${campaignId}`).getByTestId('community-remaining');
      expect(await remaining.innerText()).toContain('还可以支持 2 个');
      if (index === 0) await shot(page, 'needs-community-supported');
    }
  });

  it(
    'the campaign closes on time (the worker process runs the deadline job) and shortlists the need',
    async () => {
      // The worker reloads the campaigns page until it shows the campaign closed (no fixed pause: each look waits up
      // to 3 s for the status, then the page is loaded afresh).
      const deadline = Date.now() + CLOSE_WAIT_MS;
      const closed = worker.locator(`[data-testid="campaign-status-${campaignId}"][data-status="CLOSED"]`);
      let seen = false;
      while (!seen && Date.now() < deadline) {
        await worker.goto(`${BASE_URL}/campaigns`);
        await worker.getByTestId(`campaign-status-${campaignId}`).waitFor();
        seen = await closed.waitFor({ timeout: 3000 }).then(
          () => true,
          () => false,
        );
      }
      expect(seen).toBe(true);
      // closing shortlisted the need: it had the 2 supports the campaign's frozen rule asks for
      expect(await needStatus()).toBe('SHORTLISTED');
      await shot(worker, 'needs-campaign-closed');
    },
    CLOSE_WAIT_MS + 30_000,
  );

  it('the worker records the residents’ council approving it', async () => {
    await worker.getByTestId(`campaign-deliberation-${campaignId}`).click();
    await worker.getByTestId(`delib-row-${needId}`).waitFor();
    await worker.getByTestId('delib-held-on').fill(shanghaiDate(Date.now()));
    await worker.getByTestId('delib-attendees').fill('居民代表 7 人、社区两委成员 3 人');
    await worker.getByTestId('delib-minutes').fill('经议事会讨论，同意将社区老年助餐服务列入年度政府购买服务项目。');
    await worker.getByTestId(`delib-decision-${needId}-APPROVED`).click();
    await worker
      .locator(`[data-testid="delib-decision-${needId}-APPROVED"].ant-radio-button-wrapper-checked`)
      .waitFor();
    await worker.getByTestId(`delib-reason-${needId}`).fill('居民呼声高，获 2 人支持');
    await shot(worker, 'needs-deliberation');
    await worker.getByTestId('delib-submit').click();
    await worker.locator('[data-testid^="delib-record-"]').first().waitFor();
    // the campaign's status is reloaded after the record: wait until it reads 已议定 (not read once while it races)
    await worker.getByTestId('delib-campaign-status').filter({ hasText: '已议定' }).waitFor();
    expect(await needStatus()).toBe('APPROVED');
    await shot(worker, 'needs-deliberation-recorded');
  });

  it('the resident sees the whole timeline and an inbox message', async () => {
    await resident.goto(`${BASE_URL}/needs/mine`);
    const timeline = resident.getByTestId(`my-need-timeline-${needId}`);
    await timeline.waitFor();
    const text = await timeline.innerText();
    for (const step of ['待审核', '已受理', '已入围', '已通过']) expect(text).toContain(step);
    await shot(resident, 'needs-my-timeline');

    // The header's bell counts the unread messages (the shell refreshes it on navigation).
    await resident.locator('[data-testid="inbox-unread-badge"]:not([data-unread="0"])').waitFor();
    expect(Number(await resident.getByTestId('inbox-unread-badge').getAttribute('data-unread'))).toBeGreaterThan(0);
    await resident.getByTestId('inbox-link').click();
    await resident.waitForURL(`${BASE_URL}/inbox`);
    const message = resident
      .locator('[data-testid^="inbox-item-"][data-read="false"]', { hasText: '议事会通过' })
      .first();
    await message.waitFor();
    expect(await message.innerText()).toContain(NEED_TITLE);
    await shot(resident, 'needs-inbox');
    await resident.getByTestId('inbox-read-all').click();
    await resident.locator('[data-testid^="inbox-item-"][data-read="false"]').first().waitFor({ state: 'detached' });
    await resident.locator('[data-testid="inbox-unread-badge"][data-unread="0"]').waitFor();
  });

  it('the district’s procurement officer finds it among the approved needs and exports them', async () => {
    const { context, page } = await newPage(browser);
    contexts.push(context);
    await signIn(page, 'officer');
    await page.getByTestId('menu-approved-needs').click();
    await page.getByTestId(`approved-row-${needId}`).waitFor();
    await shot(page, 'needs-approved');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('approved-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.goto(`${BASE_URL}/needs/${needId}`);
    await page.getByTestId('need-detail-timeline').waitFor();
    expect(await page.getByTestId('need-detail-status').innerText()).toContain('已通过');
    await shot(page, 'needs-detail');
  });
});
