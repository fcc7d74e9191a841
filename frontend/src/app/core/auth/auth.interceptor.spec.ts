import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { authInterceptor } from './auth.interceptor';
import { AUTH_URLS, AuthService } from './auth.service';
import { TokenStore } from './token-store';

const USERS = '/api/v1/users';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let tokens: TokenStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    tokens = TestBed.inject(TokenStore);
    tokens.save({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  afterEach(() => backend.verify());

  function unauthorized(): { status: number; statusText: string } {
    return { status: 401, statusText: 'Unauthorized' };
  }

  it('adds the bearer token to API calls', () => {
    http.get(USERS).subscribe();
    const req = backend.expectOne(USERS);
    expect(req.request.headers.get('Authorization')).toBe('Bearer access-1');
    req.flush({ items: [] });
  });

  it('leaves auth endpoints and foreign URLs without a token', () => {
    http.post(AUTH_URLS.login, {}).subscribe();
    http.get('https://example.org/x').subscribe();
    expect(backend.expectOne(AUTH_URLS.login).request.headers.has('Authorization')).toBe(false);
    expect(backend.expectOne('https://example.org/x').request.headers.has('Authorization')).toBe(false);
    backend.match(() => true).forEach((r) => r.flush({}));
  });

  it('refreshes on a 401 and replays the request with the new token', () => {
    let body: unknown;
    http.get(USERS).subscribe((b) => (body = b));

    backend.expectOne(USERS).flush(null, unauthorized());
    const refresh = backend.expectOne(AUTH_URLS.refresh);
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    refresh.flush({ accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, tokenType: 'Bearer' });

    const retry = backend.expectOne(USERS);
    expect(retry.request.headers.get('Authorization')).toBe('Bearer access-2');
    retry.flush({ items: ['ok'] });

    expect(body).toEqual({ items: ['ok'] });
    expect(tokens.accessToken()).toBe('access-2');
    expect(localStorage.getItem('diandan.refreshToken')).toBe('refresh-2');
  });

  it('shares one refresh between requests that fail together', () => {
    const results: unknown[] = [];
    http.get(`${USERS}?page=1`).subscribe((b) => results.push(b));
    http.get('/api/v1/regions/tree').subscribe((b) => results.push(b));

    backend.expectOne(`${USERS}?page=1`).flush(null, unauthorized());
    backend.expectOne('/api/v1/regions/tree').flush(null, unauthorized());

    // The refresh token is single-use: presenting it twice would revoke the session family.
    const refreshes = backend.match(AUTH_URLS.refresh);
    expect(refreshes).toHaveLength(1);
    refreshes[0].flush({ accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, tokenType: 'Bearer' });

    const retries = backend.match((r) => r.url.startsWith('/api/v1/') && !r.url.includes('/auth/'));
    expect(retries.map((r) => r.request.headers.get('Authorization'))).toEqual(['Bearer access-2', 'Bearer access-2']);
    retries.forEach((r) => r.flush('ok'));
    expect(results).toEqual(['ok', 'ok']);
  });

  it('ends the session and passes the original 401 on when the refresh is refused', () => {
    let error: HttpErrorResponse | undefined;
    http.get(USERS).subscribe({ error: (e: HttpErrorResponse) => (error = e) });

    backend.expectOne(USERS).flush({ detail: 'expired' }, unauthorized());
    backend.expectOne(AUTH_URLS.refresh).flush({ detail: 'spent' }, unauthorized());

    expect(error?.status).toBe(401);
    expect(error?.url).toBe(USERS);
    expect(tokens.accessToken()).toBeNull();
    expect(tokens.refreshToken()).toBeNull();
    expect(TestBed.inject(AuthService).hasSession()).toBe(false);
  });

  it('keeps the tokens when the refresh fails because the server is unreachable', () => {
    let status: number | undefined;
    http.get(USERS).subscribe({ error: (e: HttpErrorResponse) => (status = e.status) });
    backend.expectOne(USERS).flush(null, unauthorized());
    backend.expectOne(AUTH_URLS.refresh).error(new ProgressEvent('error'));
    expect(status).toBe(401);
    expect(tokens.refreshToken()).toBe('refresh-1');
  });

  it('does not try to refresh without a refresh token, nor for other errors', () => {
    tokens.clear();
    const statuses: number[] = [];
    http.get(USERS).subscribe({ error: (e: HttpErrorResponse) => statuses.push(e.status) });
    backend.expectOne(USERS).flush(null, unauthorized());

    tokens.save({ accessToken: 'a', refreshToken: 'r' });
    http.get(USERS).subscribe({ error: (e: HttpErrorResponse) => statuses.push(e.status) });
    backend.expectOne(USERS).flush(null, { status: 403, statusText: 'Forbidden' });

    backend.expectNone(AUTH_URLS.refresh);
    expect(statuses).toEqual([401, 403]);
  });

  it('replays at most once', () => {
    let status: number | undefined;
    http.get(USERS).subscribe({ error: (e: HttpErrorResponse) => (status = e.status) });
    backend.expectOne(USERS).flush(null, unauthorized());
    backend
      .expectOne(AUTH_URLS.refresh)
      .flush({ accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900, tokenType: 'Bearer' });
    backend.expectOne(USERS).flush(null, unauthorized());
    backend.expectNone(AUTH_URLS.refresh);
    expect(status).toBe(401);
  });
});
