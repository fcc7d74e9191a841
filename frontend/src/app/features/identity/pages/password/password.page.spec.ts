import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import { TranslationService } from '../../../../core/i18n/translation.service';
import PasswordPage from './password.page';

const ME: Me = {
  id: 7,
  username: 'forgetful',
  displayName: '健忘',
  phone: null,
  roles: ['AUDITOR'],
  permissions: ['self.read'],
  region: null,
  organisation: null,
};

describe('PasswordPage', () => {
  let http: HttpTestingController;

  async function open(me: Me) {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    TestBed.inject(AuthService).loadMe().subscribe();
    http.expectOne('/api/v1/me').flush(me);
    const fixture = TestBed.createComponent(PasswordPage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const type = async (testId: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      el.querySelector<HTMLButtonElement>('[data-testid="password-submit"]')?.click();
      await fixture.whenStable();
    };
    const text = (testId: string) => el.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';
    return { fixture, el, type, submit, text };
  }

  afterEach(() => http.verify());

  it('after a reset, says why and names the temporary password; keeps what was typed when refused', async () => {
    const page = await open({ ...ME, mustChangePassword: true });
    expect(page.text('password-forced')).toContain('管理员已重置您的密码');
    expect(page.el.querySelector('label[for="password-current"]')?.textContent).toContain('临时密码');
    await page.type('password-current', 'k7Qm-2xWp-9HcT');
    await page.type('password-new', 'a long passphrase');
    await page.type('password-confirm', 'a long passphrasE');
    await page.submit();
    http.expectNone('/api/v1/me/password');
    expect(page.text('password-error')).toContain('两次输入的新密码不一致');
    expect(page.el.querySelector<HTMLInputElement>('[data-testid="password-new"]')?.value).toBe('a long passphrase');

    await page.type('password-confirm', 'a long passphrase');
    await page.submit();
    const change = http.expectOne('/api/v1/me/password');
    expect(change.request.method).toBe('POST');
    expect(change.request.body).toEqual({ currentPassword: 'k7Qm-2xWp-9HcT', newPassword: 'a long passphrase' });
    // the server refuses the temporary password: the problem is shown, the form keeps its values
    change.flush(
      { status: 422, code: 'IDENTITY_CURRENT_PASSWORD_WRONG', detail: 'wrong', errors: [] },
      { status: 422, statusText: 'Unprocessable' },
    );
    await page.fixture.whenStable();
    expect(page.text('password-error')).toContain('当前密码不正确');
    expect(page.el.querySelector<HTMLInputElement>('[data-testid="password-current"]')?.value).toBe('k7Qm-2xWp-9HcT');
  });

  it('changes the password, reloads /me and goes home', async () => {
    const page = await open(ME);
    expect(page.el.querySelector('[data-testid="password-forced"]')).toBeNull();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await page.type('password-current', 'Diandan@2026');
    await page.type('password-new', 'a long passphrase');
    await page.type('password-confirm', 'a long passphrase');
    await page.submit();
    http.expectOne('/api/v1/me/password').flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/v1/me').flush({ ...ME, mustChangePassword: false });
    await page.fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('speaks English too', async () => {
    const page = await open({ ...ME, mustChangePassword: true });
    TestBed.inject(TranslationService).use('en-US');
    await page.fixture.whenStable();
    expect(page.text('password-forced')).toContain('An administrator reset your password');
  });
});
