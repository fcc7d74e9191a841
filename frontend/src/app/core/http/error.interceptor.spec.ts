import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { TokenStore } from '../auth/token-store';
import { errorInterceptor } from './error.interceptor';
import { SILENT_ERRORS } from './http-context';
import { Notifier } from './notifier';
import type { ErrorView } from './problem-details';

describe('errorInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  const shown: ErrorView[] = [];
  const warnings: string[] = [];

  beforeEach(() => {
    shown.length = 0;
    warnings.length = 0;
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        {
          provide: Notifier,
          useValue: {
            showError: (view: ErrorView) => Promise.resolve(void shown.push(view)),
            warning: (text: string) => Promise.resolve(void warnings.push(text)),
          },
        },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  it('shows the field errors of a 400 and still fails the call', () => {
    let failed = false;
    http.post('/api/v1/users', {}).subscribe({ error: () => (failed = true) });
    backend
      .expectOne('/api/v1/users')
      .flush(
        { status: 400, detail: 'The request body is invalid.', errors: [{ field: 'username', message: 'too short' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(failed).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0].fieldErrors).toEqual(['username: too short']);
  });

  it('stays quiet for requests whose caller shows the error', () => {
    http
      .get('/api/v1/me', { context: new HttpContext().set(SILENT_ERRORS, true) })
      .subscribe({ error: () => undefined });
    backend.expectOne('/api/v1/me').flush(null, { status: 500, statusText: 'x' });
    expect(shown).toHaveLength(0);
  });

  it('ends the session on a final 401 and goes to /login', () => {
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    http.get('/api/v1/users').subscribe({ error: () => undefined });
    backend.expectOne('/api/v1/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(TestBed.inject(TokenStore).refreshToken()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/' } });
    expect(warnings).toEqual(['登录已过期，请重新登录']);
    expect(shown).toHaveLength(0);
  });
});
