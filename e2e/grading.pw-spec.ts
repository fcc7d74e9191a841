import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';

import { creditCodeCheckChar } from '../backend/src/modules/organisations/domain/credit-code';
import { BASE_URL, launch, newPage, SCREENSHOTS, shot, signIn } from './browser';

async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function token(username: string): Promise<string> {
  return (
    await api<{ accessToken: string }>('/v1/auth/login', {
      method: 'POST',
      body: { username, password: 'Diandan@2026' },
    })
  ).accessToken;
}

interface Node {
  key: string;
  points: string;
  children?: Node[];
}
const leaves = (nodes: Node[]): Node[] => nodes.flatMap((n) => (n.children?.length ? leaves(n.children) : [n]));

/** The visible part of the page (the 1,000-point tree is long: a full-page picture says less). */
async function view(page: Page, name: string): Promise<void> {
  await shot(page, name); // settles the animations and writes the full page…
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) }); // …then keeps what a person sees
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

/**
 * 等级评估 in Chromium (issue #11 item 6): the officer opens an assessment of an organisation of 鼓楼区, scores items
 * on a tablet by guide level and by hand with live totals, submits (905 points: 5A by the city's line); a second
 * officer of the district decides with the decision document; the registry shows the grade, valid 5 years, and the
 * assessment beside it. The officer sets new lines for 鼓楼区 from next year.
 */
describe('grade assessment: score, submit, decide by another officer (Chromium)', () => {
  let browser: Browser;
  const stamp = Date.now().toString(36);
  const name = `南京市鼓楼区等级评估演示服务中心${stamp}`;
  let organisationId = 0;
  let assessmentId = 0;

  beforeAll(async () => {
    browser = await launch();
    const tree = await api<Array<{ children: Array<{ id: number; code: string }> }>>(
      '/v1/organisations/register/regions',
    );
    const gulou = tree[0].children.find((c) => c.code === '320106000000');
    const tail = stamp
      .toUpperCase()
      .replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')
      .slice(-7)
      .padStart(7, '0');
    const first17 = `52320106MJ${tail}`;
    const registered = await api<{ organisationId: number }>('/v1/organisations/register', {
      method: 'POST',
      body: {
        name,
        kind: 'SOCIAL_ORGANISATION',
        orgType: 'SOCIAL_SERVICE_AGENCY',
        creditCode: first17 + creditCodeCheckChar(first17),
        regionId: gulou?.id,
        legalRepresentative: '周明',
        contactPhone: '025-83000000',
        username: `grading_${stamp}`,
        displayName: '周明',
        password: 'Grading@2026-org',
      },
    });
    organisationId = registered.organisationId;
    await api(`/v1/organisations/${organisationId}/approve`, {
      method: 'POST',
      token: await token('officer'),
      body: {},
    });
  });
  afterAll(() => browser?.close());

  it('the officer opens the assessment and scores it on a tablet, the totals following each score', async () => {
    const { context, page } = await newPage(browser, { width: 1024, height: 768 });
    await signIn(page, 'officer');
    await page.goto(`${BASE_URL}/evaluation/grading`);
    await page.getByTestId('grading-open').click();
    await page.getByTestId('grading-open-organisation').click();
    await page.keyboard.type(stamp);
    await page.locator('nz-option-item', { hasText: name }).click();
    await page.getByTestId('grading-open-current').getByText('暂无评估等级').waitFor();
    await page.getByTestId('grading-open-submit').click();
    await page.waitForURL(/\/evaluation\/grading\/\d+$/);
    assessmentId = Number(page.url().split('/').pop());
    await page.getByTestId('grading-status').getByText('评分中').waitFor();

    // most items as the assessors' sheet says (through the API), the first two on the page
    const officer = await token('officer');
    const detail = await api<{ tree: Node[] }>(`/v1/evaluation/grade-assessments/${assessmentId}`, { token: officer });
    const rest = leaves(detail.tree).filter((l) => l.key !== 'B1-1' && l.key !== 'B1-2');
    let missing = rest.reduce((s, l) => s + Number(l.points), 0) - 886;
    // points taken off from the end of the tree (社会评价 …), so that 基础条件 is full but for B1-2
    const scores = [...rest].reverse().map((l) => {
      const off = Math.min(Number(l.points), missing);
      missing -= off;
      return { leafKey: l.key, score: String(Number(l.points) - off), note: '现场核查，材料齐全' };
    });
    await api(`/v1/evaluation/grade-assessments/${assessmentId}/scores`, {
      method: 'PUT',
      token: officer,
      body: { scores },
    });
    await page.reload();
    await page.getByTestId('grading-total').getByText('886 / 1000 分').waitFor();

    // B1-1 by its guide level (好: full marks), B1-2 by hand with an evidence note
    await page.getByTestId('grading-level-B1-1-0').click();
    await page.getByTestId('grading-score-B1-2').fill('10.5');
    await page.getByTestId('grading-leaf-B1-2').getByText('不能超过 10 分').waitFor();
    await page.getByTestId('grading-score-B1-2').fill('9');
    await page.getByTestId('grading-note-B1-2').fill('查阅 2025 年度资产负债表：净资产 52 万元，高于开办资金');
    await page.getByTestId('grading-total').getByText('905 / 1000 分').waitFor();
    await page.getByTestId('grading-area-total-B').getByText('79 / 80 分').waitFor();
    await page.getByTestId('grading-grade-by-lines').getByText('按分数线为 5A').waitFor();
    await page.getByTestId('grading-unsaved').getByText('2 项修改未保存').waitFor();
    await view(page, 'officer-grade-assessment-scoring');
    await page.getByTestId('grading-save').click();
    await page.getByText('已保存 2 项').waitFor();

    await page.getByTestId('grading-submit').click();
    await page.getByTestId('grading-submit-summary').getByText('得分 905 分，按南京市的分数线为 5A').waitFor();
    await page.getByTestId('grading-summary-input').fill('治理规范，服务台账完整；建议加强信息公开。');
    await page.getByTestId('grading-modal-confirm').click();
    await page.getByTestId('grading-status').getByText('待审定').waitFor();
    // the officer who scored it may not decide it
    await page.getByTestId('grading-blocked').waitFor();
    expect(await page.getByTestId('grading-decide').count()).toBe(0);
    await context.close();
  });

  it('a second officer of the district decides with the document: 5A, valid 5 years, shown in the registry', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer2');
    await page.goto(`${BASE_URL}/evaluation/grading/${assessmentId}`);
    await page.getByTestId('grading-decide').click();
    await page.getByTestId('grading-decide-summary').getByText('评定为 5A', { exact: false }).waitFor();
    await page
      .getByTestId('grading-document')
      .setInputFiles({ name: '鼓楼区社会组织评估等级批复.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('grading-decision-note').fill('经区社会组织评估委员会审定');
    await view(page, 'officer-grade-assessment-decision');
    await page.getByTestId('grading-modal-confirm').click();
    await page.getByTestId('grading-status').getByText('已审定').waitFor();
    await page.getByTestId('grading-result-grade').getByText('5A').waitFor();
    const valid = (await page.getByTestId('grading-result-valid').innerText()).trim();
    const thisYear = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    expect(Number(valid.slice(0, 4))).toBe(thisYear + 5);

    await page.goto(`${BASE_URL}/organisations/${organisationId}`);
    await page.getByTestId('org-detail-grade').getByText('5A').waitFor();
    await page.getByTestId('org-latest-assessment').getByText('905 分，评定为 5A', { exact: false }).waitFor();
    await shot(page, 'officer-organisation-grade-from-assessment');
    await context.close();
  });

  it('the officer sets new lines for 鼓楼区 from next year: the city’s still apply today', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'officer');
    await page.goto(`${BASE_URL}/evaluation/grade-cutoffs`);
    const row = page.locator('[data-testid^="cutoffs-row-"]', { hasText: '鼓楼区' });
    await row.getByText('沿用南京市').waitFor();
    await row.locator('[data-testid^="cutoffs-edit-"]').click();
    await page.getByTestId('cutoffs-min5').fill('920');
    await page.getByTestId('cutoffs-min4').fill('920');
    await page.getByText('须高于下一等级的分数线').waitFor();
    await page.getByTestId('cutoffs-min4').fill('820');
    const next = `${Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) + 1}-01-01`;
    await page.getByTestId('cutoffs-from').fill(next);
    await page.getByTestId('cutoffs-note').fill('鼓楼区社会组织评估实施方案');
    await page.getByTestId('cutoffs-save').click();
    await page.getByText(`已设定，${next} 起生效`).waitFor();
    await row.getByText('待生效').waitFor();
    await row.getByText('沿用南京市').waitFor();
    await shot(page, 'officer-grade-cutoffs');
    await context.close();
  });
});
