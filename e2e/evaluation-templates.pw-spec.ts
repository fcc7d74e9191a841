import { Browser, Page } from 'playwright-core';

import { BASE_URL, launch, newPage, shot, signIn } from './browser';

/**
 * 指标体系 in Chromium (issue #11 items 1 and 8): the officer starts a template on the 决策 / 过程 / 产出 / 效益 frame,
 * builds the tree with live totals (a node whose indicators do not add up is red with the difference), saves a draft
 * the server refuses with its errors beside the node, fixes it, makes a leaf computed, activates it, and copies it
 * into a new version; an evaluator reads the seeded template's scoring guides; the catalogue names a default template.
 * Screenshots into docs/screenshots/.
 */
describe('指标体系: the officer builds and activates an indicator template (Chromium)', () => {
  let browser: Browser;
  const code = `XM-PW${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  const node = (page: Page, key: string) => page.getByTestId(`template-node-${key}`);
  /** Opens a leaf's details (its scoring guide) when they are folded. */
  async function openLeaf(page: Page, key: string): Promise<void> {
    if ((await page.getByTestId(`template-node-detail-${key}`).count()) === 0)
      await node(page, key).locator('.tpl-toggle').first().click();
    await page.getByTestId(`template-node-detail-${key}`).waitFor();
  }

  it('creates, edits with live totals, saves, activates and versions a template', async () => {
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, 'officer');
      await page.goto(`${BASE_URL}/evaluation/templates`);
      await page.locator('[data-testid^="template-row-"]').first().waitFor();
      await page.getByText('居家养老服务项目绩效评价指标体系').waitFor();
      await shot(page, 'evaluation-templates-list');

      await page.getByTestId('templates-new').click();
      await page.getByTestId('template-create-code').fill(code);
      await page.getByTestId('template-create-name').fill('助浴服务项目绩效评价指标体系');
      await page.getByTestId('template-create-submit').click();
      await page.waitForURL(/\/evaluation\/templates\/\d+$/);
      await page.getByTestId('template-tree').waitFor();
      await expectText(page.getByTestId('template-total'), '合计 100 / 100 分');
      await expectText(page.getByTestId('template-status'), '草稿');

      // 决策 gets a second indicator: its points are typed, the totals follow at once
      await page.getByTestId('template-node-add-A').click();
      await page.getByTestId('template-node-points-A1').fill('10');
      await expectText(page.getByTestId('template-node-sum-A'), '差 5 分');
      await expectAttr(page.getByTestId('template-node-sum-A'), 'data-difference', '-500');
      await page.getByTestId('template-node-name-A2').fill('绩效目标明确性');
      await page.getByTestId('template-node-points-A2').fill('7');
      await expectText(page.getByTestId('template-node-sum-A'), '多 2 分');
      await expectText(page.getByTestId('template-total'), '合计 100 / 100 分'); // 决策 itself is still 15
      await shot(page, 'evaluation-template-editor');
      await page.getByTestId('template-node-points-A2').fill('5');
      await expectAttr(page.getByTestId('template-node-sum-A'), 'data-difference', '0');

      // a key used twice: shown live, and the server refuses the save with its error beside the node
      await node(page, 'A2').locator('input.tpl-key').fill('A1');
      await node(page, 'A1').last().locator('[data-code="KEY_DUPLICATE"]').waitFor();
      await page.getByTestId('template-save').click();
      await page.getByTestId('form-problem').waitFor();
      await node(page, 'A1').last().getByTestId('template-server-problem').waitFor();
      await node(page, 'A1').last().locator('input.tpl-key').fill('A2');

      // every leaf gets its scoring guide; 效益's leaf is computed from the survey
      for (const key of ['A1', 'A2', 'B1', 'C1', 'D1']) {
        await openLeaf(page, key);
        await page.getByTestId(`template-guide-default-${key}`).click();
      }
      await page.getByTestId('template-node-kind-D1').click();
      await page.locator('nz-option-item', { hasText: '系统计算' }).click();
      await page.getByTestId('template-node-computed-D1').click();
      await page.locator('nz-option-item', { hasText: '服务对象满意率' }).click();
      await expectText(page.getByTestId('template-node-detail-D1').getByTestId('template-formula'), '满意');

      await page.getByTestId('template-save').click();
      await page.getByTestId('template-unsaved').waitFor({ state: 'detached' });
      await expectEnabled(page.getByTestId('template-activate'));
      await page.getByTestId('template-activate').click();
      await page.locator('.ant-popover-buttons button, .ant-popconfirm-buttons button').last().click();
      await expectText(page.getByTestId('template-status'), '启用中');
      await page.getByTestId('template-readonly').waitFor();
      await shot(page, 'evaluation-template-active');

      await page.getByTestId('template-new-version').click();
      await page.waitForURL(/\/evaluation\/templates\/\d+$/);
      await expectText(page.getByTestId('template-status'), '草稿');
      await page.getByText('第 2 版').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows an evaluator the scoring guides of a seeded template, read-only', async () => {
    const { context, page } = await newPage(browser, { width: 820, height: 1180 });
    try {
      await signIn(page, 'evaluator');
      await page.goto(`${BASE_URL}/evaluation/templates`);
      await page.locator('[data-testid^="template-link-"]', { hasText: '儿童关爱服务项目绩效评价指标体系' }).click();
      await page.getByTestId('template-tree').waitFor();
      await expect0(page.getByTestId('template-save'));
      await page.getByTestId('template-node-detail-D31').getByTestId('template-formula').waitFor();
      await page.getByTestId('template-node-detail-A11').getByText('立项前开展了需求调研').waitFor();
      await shot(page, 'evaluation-template-evaluator');
    } finally {
      await context.close();
    }
  });

  it('the catalogue shows each item’s default template, and an item of a draft version names another', async () => {
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, 'officer');
      await page.goto(`${BASE_URL}/catalogue`);
      await page.getByTestId('catalogue-detail').waitFor();
      await expectText(page.getByTestId('item-template-A0101'), 'XM-JJYL v1');

      // a draft copy of the published catalogue (through the API): its items carry their templates over
      const token = await page.evaluate(() => localStorage.getItem('diandan.accessToken'));
      const published = await api<Array<{ id: number; status: string }>>('/v1/catalogue/versions', token);
      const draft = await api<{ id: number }>('/v1/catalogue/versions', token, {
        year: 2093,
        title: '指标体系界面测试目录',
        copyFromVersionId: published.find((v) => v.status === 'PUBLISHED')?.id,
      });
      await page.reload();
      await page.getByTestId(`catalogue-version-${draft.id}`).click();
      await expectText(page.getByTestId('item-template-A0101'), 'XM-JJYL v1');
      await page.getByTestId('item-edit-A0101').click();
      await expectText(page.getByTestId('item-form-template'), '居家养老服务项目绩效评价指标体系');
      await page.getByTestId('item-form-template').click();
      await page.locator('nz-option-item', { hasText: 'XM-TY v1' }).click();
      await page.getByTestId('item-form-submit').click();
      await expectText(page.getByTestId('item-template-A0101'), 'XM-TY v1');
    } finally {
      await context.close();
    }
  });
});

async function api<T>(path: string, token: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits until the element's text contains `text` (what a person would wait for). */
async function expectText(locator: ReturnType<Page['getByTestId']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

async function expectAttr(locator: ReturnType<Page['getByTestId']>, name: string, value: string): Promise<void> {
  await locator
    .and(locator.page().locator(`[${name}="${value}"]`))
    .first()
    .waitFor();
}

async function expectEnabled(locator: ReturnType<Page['getByTestId']>): Promise<void> {
  await locator.and(locator.page().locator(':enabled')).first().waitFor();
}

async function expect0(locator: ReturnType<Page['getByTestId']>): Promise<void> {
  if ((await locator.count()) !== 0) throw new Error('expected no such element');
}
