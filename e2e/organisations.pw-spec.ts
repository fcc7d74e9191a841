import { Browser, Page } from 'playwright-core';

import { creditCodeCheckChar } from '../backend/src/modules/organisations/domain/credit-code';
import { BASE_URL, launch, newPage, shot, signIn } from './browser';

/** A fresh, valid unified social credit code of a 鼓楼区 social organisation. */
function creditCode(): string {
  const tail = Date.now()
    .toString(36)
    .toUpperCase()
    .replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')
    .slice(-7)
    .padStart(7, '0');
  const first17 = `52320106MJ${tail}`;
  return first17 + creditCodeCheckChar(first17);
}

/** 鼓楼区's id, from the public region tree of the registration form. */
async function gulouId(page: Page): Promise<number> {
  const tree = (await (await page.request.get(`${BASE_URL}/api/v1/organisations/register/regions`)).json()) as Array<{
    children: Array<{ id: number; code: string }>;
  }>;
  const district = tree[0].children.find((c) => c.code === '320106000000');
  if (!district) throw new Error('鼓楼区 not found');
  return district.id;
}

async function status(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).locator('[data-status]').first().getAttribute('data-status');
}

describe('an organisation registers, the officer returns and approves it, the member follows it (Chromium)', () => {
  let browser: Browser;
  const username = `pw_org_${Date.now().toString(36)}`;
  const password = 'Lexin@2026-reg';
  const name = `南京市鼓楼区端到端测试社工服务中心${Date.now().toString(36)}`;
  const code = creditCode();

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('registers from the login page; the form catches a wrong check character before sending', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${BASE_URL}/login`);
    await page.getByTestId('login-register-organisation').click();
    await page.waitForURL(`${BASE_URL}/register-organisation`);

    await page.getByTestId('org-register-name').fill(name);
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    await page.getByTestId('org-register-credit-code').fill(wrong);
    await page.getByTestId('org-register-submit').click();
    await page.getByText('校验码不正确').waitFor();
    await page.getByTestId('org-register-credit-code').fill(code.toLowerCase());

    await page.getByTestId('org-register-org-type').click();
    await page.getByTestId('org-register-org-type-option-SOCIAL_SERVICE_AGENCY').click();
    await page.getByTestId('org-register-region').click();
    await page.getByTestId('org-register-region-option-320106000000').click();
    await page.getByTestId('org-register-legal-rep').fill('周明');
    await page.getByTestId('org-register-phone').fill('025-83000000');
    await page.getByTestId('org-register-username').fill(username);
    await page.getByTestId('org-register-display-name').fill('周明');
    await page.getByTestId('org-register-password').fill(password);
    await page.getByTestId('org-register-confirm').fill(password);
    await page.waitForTimeout(300);
    await shot(page, 'organisations-register');
    await page.getByTestId('org-register-submit').click();
    await page.getByTestId('org-register-done').waitFor();
    expect(await page.getByTestId('org-register-done').innerText()).toContain(username);

    await page.getByTestId('org-register-login').click();
    await signIn(page, username, password);
    await page.getByTestId('org-status-banner').waitFor();
    expect(await page.getByTestId('org-status-banner').getAttribute('data-status')).toBe('PENDING_REVIEW');
    await context.close();
  });

  it('the Gulou officer returns it with a reason; the member sees it, uploads a certificate and resubmits', async () => {
    const officer = await newPage(browser);
    await signIn(officer.page, 'officer');
    await officer.page.getByTestId('menu-organisations').click();
    await officer.page.getByTestId('org-list-table').getByText(name).click();
    await officer.page.getByTestId('org-action-RETURN').click();
    await officer.page.getByTestId('org-decision-reason').fill('请上传登记证书扫描件');
    await officer.page.getByTestId('org-decision-submit').click();
    await officer.page.getByTestId('org-detail-reason').waitFor();
    expect(await status(officer.page, 'org-detail-status')).toBe('RETURNED');
    await officer.page.waitForTimeout(600); // let the tab and table animations finish
    await shot(officer.page, 'organisations-officer-returned');

    const member = await newPage(browser);
    await signIn(member.page, username, password);
    await member.page.getByTestId('menu-my-organisation').click();
    await member.page.getByTestId('org-status-reason').waitFor();
    expect(await member.page.getByTestId('org-status-reason').innerText()).toContain('请上传登记证书扫描件');
    await member.page.waitForTimeout(600); // let the tab and table animations finish
    await shot(member.page, 'organisations-member-returned');
    await member.page.getByText('资质文件').click();
    await member.page.getByTestId('my-org-document-input').setInputFiles({
      name: '登记证书.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'),
    });
    await member.page.getByTestId('org-documents-table').getByText('登记证书.pdf').waitFor();
    await member.page.getByTestId('my-org-resubmit').click();
    await member.page.locator('[data-testid="my-org-status"] [data-status="PENDING_REVIEW"]').waitFor();

    await officer.page.reload();
    await officer.page.getByTestId('org-action-APPROVE').click();
    await officer.page.getByTestId('org-decision-submit').click();
    await officer.page.locator('[data-testid="org-detail-status"] [data-status="ACTIVE"]').waitFor();
    await officer.page.getByText('资质文件').click();
    await officer.page.getByTestId('org-documents-table').getByText('登记证书.pdf').waitFor();

    await member.page.reload();
    await member.page.locator('[data-testid="my-org-status"] [data-status="ACTIVE"]').waitFor();
    expect(await member.page.getByTestId('org-status-banner').count()).toBe(0);
    await officer.context.close();
    await member.context.close();
  });

  it("keeps a pending Gulou registration out of the Xuanwu officer's review queue", async () => {
    const { context, page } = await newPage(browser);
    const pendingName = `${name}（待审）`;
    const pending = await page.request.post(`${BASE_URL}/api/v1/organisations/register`, {
      data: {
        name: pendingName,
        kind: 'SOCIAL_ORGANISATION',
        orgType: 'SOCIAL_GROUP',
        creditCode: creditCode(),
        regionId: await gulouId(page),
        legalRepresentative: '周明',
        contactPhone: '025-83000000',
        username: `${username}_b`,
        displayName: '周明',
        password,
      },
    });
    expect(pending.status()).toBe(201);
    await signIn(page, 'xw_officer');
    await page.getByTestId('menu-organisations').click();
    await page.getByTestId('org-list-table').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('org-list-table').getByText(pendingName).count()).toBe(0);
    await context.close();

    const gulou = await newPage(browser);
    await signIn(gulou.page, 'officer');
    await gulou.page.getByTestId('menu-organisations').click();
    await gulou.page.getByTestId('org-list-table').getByText(pendingName).waitFor();
    await gulou.page.waitForTimeout(600); // let the tab and table animations finish
    await shot(gulou.page, 'organisations-officer-list');
    await gulou.context.close();
  });
});
