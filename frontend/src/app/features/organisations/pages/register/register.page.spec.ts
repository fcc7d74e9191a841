import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { RegionNode } from '../../../../api';
import RegisterOrganisationPage from './register.page';

const TREE: RegionNode[] = [
  {
    id: 1,
    code: '320100000000',
    name: '南京市',
    level: 'CITY',
    path: '/1/',
    parentId: null,
    children: [
      { id: 2, code: '320106000000', name: '鼓楼区', level: 'DISTRICT', path: '/1/2/', parentId: 1, children: [] },
    ],
  },
];

describe('RegisterOrganisationPage', () => {
  let http: HttpTestingController;

  async function open() {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RegisterOrganisationPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/organisations/register/regions').flush(TREE);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = async (testId: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } }).form;
    const submit = async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="org-register-submit"]')?.click();
      await fixture.whenStable();
    };
    return { fixture, el, type, form, submit };
  }

  afterEach(() => http.verify());

  async function fillValid(page: Awaited<ReturnType<typeof open>>) {
    await page.type('org-register-name', '南京市鼓楼区乐善社会工作服务中心');
    await page.type('org-register-legal-rep', '周明');
    await page.type('org-register-phone', '025-83000000');
    await page.type('org-register-username', 'lexin_admin');
    await page.type('org-register-display-name', '周明');
    await page.type('org-register-password', 'Lexin@2026-reg');
    await page.type('org-register-confirm', 'Lexin@2026-reg');
    page.form.patchValue({ orgType: 'SOCIAL_SERVICE_AGENCY', regionId: '2', serviceRegionIds: ['2'] });
    await page.fixture.whenStable();
  }

  it('refuses a credit code with a wrong check character in place, and sends nothing', async () => {
    const page = await open();
    await fillValid(page);
    await page.type('org-register-credit-code', '91350100M000100Y44');
    await page.submit();
    http.expectNone('/api/v1/organisations/register');
    expect(page.el.textContent).toContain('校验码不正确');
  });

  it('says a code is too short or has a forbidden letter', async () => {
    const page = await open();
    await page.type('org-register-credit-code', '91350100M000100Y4');
    await page.submit();
    expect(page.el.textContent).toContain('应为 18 位');
    await page.type('org-register-credit-code', '91350100M000100I43');
    await page.submit();
    expect(page.el.textContent).toContain('不含 I、O、S、V、Z');
    http.expectNone('/api/v1/organisations/register');
  });

  it('asks for the required fields and for matching passwords before sending', async () => {
    const page = await open();
    await fillValid(page);
    await page.type('org-register-credit-code', '91350100M000100Y43');
    await page.type('org-register-confirm', 'Something-else-1');
    await page.submit();
    http.expectNone('/api/v1/organisations/register');
    expect(page.el.querySelector('[data-testid="org-register-passwords-differ"]')).not.toBeNull();
  });

  it('sends a valid registration with the code normalised, then shows what happens next', async () => {
    const page = await open();
    await fillValid(page);
    await page.type('org-register-credit-code', '91350100m000100y43');
    await page.submit();
    const req = http.expectOne('/api/v1/organisations/register');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      name: '南京市鼓楼区乐善社会工作服务中心',
      kind: 'SOCIAL_ORGANISATION',
      orgType: 'SOCIAL_SERVICE_AGENCY',
      creditCode: '91350100M000100Y43',
      regionId: 2,
      legalRepresentative: '周明',
      contactPhone: '025-83000000',
      serviceRegionIds: [2],
      username: 'lexin_admin',
      displayName: '周明',
      password: 'Lexin@2026-reg',
    });
    req.flush({ organisationId: 9, status: 'PENDING_REVIEW', username: 'lexin_admin' });
    await page.fixture.whenStable();
    expect(page.el.querySelector('[data-testid="org-register-done"]')?.textContent).toContain('lexin_admin');
  });

  it('shows the API refusal (a taken code) in place', async () => {
    const page = await open();
    await fillValid(page);
    await page.type('org-register-credit-code', '91350100M000100Y43');
    await page.submit();
    http.expectOne('/api/v1/organisations/register').flush(
      {
        status: 409,
        code: 'ORGANISATIONS_CREDIT_CODE_TAKEN',
        detail: 'taken',
        errors: [{ field: 'creditCode', message: 'already registered' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await page.fixture.whenStable();
    expect(page.el.querySelector('[data-testid="org-register-error"]')?.textContent).toContain(
      '该统一社会信用代码已注册',
    );
  });
});
