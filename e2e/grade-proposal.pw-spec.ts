import { Browser } from 'playwright-core';

import { creditCodeCheckChar } from '../backend/src/modules/organisations/domain/credit-code';
import { BASE_URL, launch, newPage, shot, signIn } from './browser';

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

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

describe('a member proposes a grade with its certificate; the officer of the district approves it (Chromium)', () => {
  let browser: Browser;
  const stamp = Date.now().toString(36);
  const username = `grade_${stamp}`;
  const password = 'Grade@2026-org';
  const name = `南京市鼓楼区等级测试社工服务中心${stamp}`;
  let organisationId = 0;

  beforeAll(async () => {
    browser = await launch();
    // an organisation of our own, registered and approved through the API (the demo ones keep their grades)
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
        username,
        displayName: '周明',
        password,
      },
    });
    organisationId = registered.organisationId;
    const { accessToken } = await api<{ accessToken: string }>('/v1/auth/login', {
      method: 'POST',
      body: { username: 'officer', password: 'Diandan@2026' },
    });
    await api(`/v1/organisations/${organisationId}/approve`, { method: 'POST', token: accessToken, body: {} });
  });
  afterAll(() => browser?.close());

  it('proposes 4A with a new certificate, and it counts once the officer approved it after a summary', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, username, password);
    await page.goto(`${BASE_URL}/my/organisation`);
    await page.getByRole('tab', { name: '评估等级' }).click();
    await page.getByTestId('grade-current-none').waitFor();
    await page.getByTestId('grade-form-grade-4').click();
    await page.getByTestId('grade-form-expires').fill('2030-12-31');
    await page
      .getByTestId('grade-form-upload-input')
      .setInputFiles({ name: '4A评估等级证书.pdf', mimeType: 'application/pdf', buffer: PDF });
    // the uploaded certificate is chosen at once
    await page.getByTestId('grade-form-document').getByText('4A评估等级证书.pdf').waitFor();
    await page.getByTestId('grade-form-submit').click();
    await page.getByTestId('grade-pending').getByText('申报 4A（有效期至 2030-12-31', { exact: false }).waitFor();
    await page.getByTestId('grade-withdraw').waitFor();
    // still no grade: it counts only once decided
    await page.getByTestId('grade-current-none').waitFor();
    await shot(page, 'member-grade-proposal');
    await context.close();

    const { context: officerContext, page: officer } = await newPage(browser);
    await signIn(officer, 'officer');
    await officer.goto(`${BASE_URL}/organisations/${organisationId}`);
    await officer.getByTestId('org-detail-grade-tab').getByText('待审核').waitFor();
    await officer.getByTestId('org-detail-grade-tab').click();
    await officer.getByTestId('grade-approve').click();
    await officer.getByTestId('grade-decision-summary').getByText('4A评估等级证书.pdf', { exact: false }).waitFor();
    await shot(officer, 'officer-grade-decision');
    await officer.getByTestId('grade-decision-submit').click();
    await officer.getByTestId('grade-current-label').getByText('4A').waitFor();
    await officer.getByTestId('grade-decided-by').getByText('王采购', { exact: false }).waitFor();
    await officerContext.close();

    const { context: again, page: member } = await newPage(browser);
    await signIn(member, username, password);
    await member.goto(`${BASE_URL}/my/organisation`);
    await member.getByRole('tab', { name: '评估等级' }).click();
    await member.getByTestId('grade-current-label').getByText('4A').waitFor();
    await member
      .getByTestId('grade-history')
      .locator('[data-testid="grade-proposal-status"]', { hasText: '已通过' })
      .waitFor();
    await again.close();
  });
});
