import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import { TranslationService } from '../../../../core/i18n/translation.service';
import HomePage from './home.page';

const ME: Me = {
  id: 1,
  username: 'wang.wu',
  displayName: '王五',
  phone: '13800000000',
  roles: ['PROCUREMENT_OFFICER', 'AUDITOR'],
  permissions: ['self.read', 'users.read', 'audit.read'],
  region: { id: 11, code: '310101', name: '黄浦区', level: 'DISTRICT', path: '/310000/310101' },
  organisation: null,
};

describe('HomePage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    TestBed.inject(AuthService).loadMe().subscribe();
    TestBed.inject(HttpTestingController).expectOne('/api/v1/me').flush(ME);
  });

  function tags(el: HTMLElement, testId: string): string[] {
    return Array.from(el.querySelectorAll(`[data-testid="${testId}"] nz-tag`), (t) => t.textContent?.trim() ?? '');
  }

  function text(el: HTMLElement, testId: string): string {
    return el.querySelector(`[data-testid="${testId}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it('shows the user, translated roles, region and permissions', async () => {
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(text(el, 'home-display-name')).toBe('王五');
    expect(text(el, 'home-username')).toBe('wang.wu');
    expect(tags(el, 'home-roles')).toEqual(['采购专员', '审计监督']);
    expect(text(el, 'home-region')).toBe('黄浦区 (310101)');
    expect(el.querySelectorAll('[data-testid="home-permissions"] [data-permission]')).toHaveLength(3);
    expect(el.querySelector('[data-testid="home-organisation"]')).toBeNull();
  });

  it('re-renders in English when the language changes', async () => {
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    TestBed.inject(TranslationService).use('en-US');
    await fixture.whenStable();
    expect(tags(fixture.nativeElement as HTMLElement, 'home-roles')).toEqual(['Procurement officer', 'Auditor']);
  });
});
