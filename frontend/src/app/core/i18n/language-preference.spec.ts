import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import type { Me } from '../../api';
import { AUTH_URLS, AuthService } from '../auth/auth.service';
import {
  acceptLanguageInterceptor,
  LanguagePreference,
  PREFERENCES_URL,
  reloadOnLanguageChange,
} from './language-preference';
import { TranslationService } from './translation.service';

const ME: Me = {
  id: 5,
  username: 'resident',
  displayName: '李阿姨',
  phone: null,
  roles: ['RESIDENT'],
  permissions: [],
  region: null,
  organisation: null,
  locale: null,
};

@Component({ selector: 'dd-reloading', template: '' })
class ReloadingComponent {
  reloads = 0;
  constructor() {
    reloadOnLanguageChange(() => this.reloads++);
  }
}

describe('the language choice, kept on the server too', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let i18n: TranslationService;
  let preference: LanguagePreference;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([acceptLanguageInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    i18n = TestBed.inject(TranslationService);
    preference = TestBed.inject(LanguagePreference);
  });

  afterEach(() => backend.verify());

  function signIn(me: Me): void {
    TestBed.inject(AuthService).loadMe().subscribe();
    backend.expectOne(AUTH_URLS.me).flush(me);
  }

  it('tells the API the UI’s language with every request, and nobody else', () => {
    http.get('/api/v1/inbox').subscribe();
    http.get('https://example.org/x').subscribe();
    expect(backend.expectOne('/api/v1/inbox').request.headers.get('Accept-Language')).toBe('zh-CN,zh;q=0.9');
    expect(backend.expectOne('https://example.org/x').request.headers.has('Accept-Language')).toBe(false);
    i18n.use('en-US');
    http.get('/api/v1/inbox').subscribe();
    expect(backend.expectOne('/api/v1/inbox').request.headers.get('Accept-Language')).toBe('en-US,en;q=0.9');
    backend.match(() => true).forEach((r) => r.flush({}));
  });

  it('saves a signed-in user’s switch, and pages reload their server texts once it is saved', () => {
    signIn(ME);
    const page = TestBed.createComponent(ReloadingComponent);
    TestBed.tick();
    preference.choose('en-US');
    expect(i18n.lang()).toBe('en-US');
    const save = backend.expectOne(PREFERENCES_URL);
    expect(save.request.method).toBe('PATCH');
    expect(save.request.body).toEqual({ locale: 'en-US' });
    TestBed.tick();
    expect(page.componentInstance.reloads).toBe(0); // not before the server has it
    save.flush({ locale: 'en-US' });
    TestBed.tick();
    expect(page.componentInstance.reloads).toBe(1);
  });

  it('only switches the UI (no request) when nobody is signed in', () => {
    preference.choose('en-US');
    expect(i18n.lang()).toBe('en-US');
    expect(preference.serverLang()).toBe('en-US');
  });

  it('adopts the language saved on the server at sign-in, once per user', () => {
    preference.adopt(5, 'en-US');
    expect(i18n.lang()).toBe('en-US');
    i18n.use('zh-CN');
    preference.adopt(5, 'en-US'); // the same user again (a later /me): the switch made since stands
    expect(i18n.lang()).toBe('zh-CN');
    preference.adopt(6, null); // nothing saved: this browser's choice stands
    expect(i18n.lang()).toBe('zh-CN');
  });
});
