import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PERMISSIONS } from '@diandan/access';

import type { Me } from '../../api';
import { AUTH_URLS, AuthService } from './auth.service';
import { TokenStore } from './token-store';

const ME: Me = {
  id: 1,
  username: 'admin',
  displayName: '管理员',
  phone: null,
  roles: ['ADMIN'],
  permissions: ['self.read', 'users.read', 'users.manage'],
  region: { id: 11, code: '310000', name: '上海市', level: 'CITY', path: '/310000' },
  organisation: null,
};

describe('AuthService', () => {
  let auth: AuthService;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(AuthService);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('signs in: stores the tokens, then loads /me', () => {
    let me: Me | undefined;
    auth.login({ username: 'admin', password: 'secret' }).subscribe((m) => (me = m));
    const login = backend.expectOne(AUTH_URLS.login);
    expect(login.request.body).toEqual({ username: 'admin', password: 'secret' });
    login.flush({ accessToken: 'a', refreshToken: 'r', expiresIn: 900, tokenType: 'Bearer' });
    backend.expectOne(AUTH_URLS.me).flush(ME);

    expect(me).toEqual(ME);
    expect(auth.me()).toEqual(ME);
    expect(localStorage.getItem('diandan.accessToken')).toBe('a');
    expect(auth.can(PERMISSIONS.USERS_MANAGE)).toBe(true);
    expect(auth.can(PERMISSIONS.AUDIT_READ)).toBe(false);
  });

  it('derives permissions from the roles when /me sends none', () => {
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    auth.loadMe().subscribe();
    backend.expectOne(AUTH_URLS.me).flush({ ...ME, roles: ['AUDITOR'], permissions: [] });
    expect(auth.can(PERMISSIONS.AUDIT_VERIFY)).toBe(true);
  });

  it('asks for /me once however many guards want the user', () => {
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    const seen: (Me | null)[] = [];
    auth.ensureMe().subscribe((m) => seen.push(m));
    auth.ensureMe().subscribe((m) => seen.push(m));
    backend.expectOne(AUTH_URLS.me).flush(ME);
    auth.ensureMe().subscribe((m) => seen.push(m));
    expect(seen).toEqual([ME, ME, ME]);
  });

  it('has no user without a session, and forgets a session /me refuses', () => {
    let me: Me | null | undefined;
    auth.ensureMe().subscribe((m) => (me = m));
    expect(me).toBeNull();

    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    auth.ensureMe().subscribe((m) => (me = m));
    backend.expectOne(AUTH_URLS.me).flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(me).toBeNull();
    expect(auth.hasSession()).toBe(false);
  });

  it('signs out: revokes the refresh token on the server and forgets everything', () => {
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    let done = false;
    auth.logout().subscribe(() => (done = true));
    expect(auth.hasSession()).toBe(false);
    const req = backend.expectOne(AUTH_URLS.logout);
    expect(req.request.body).toEqual({ refreshToken: 'r' });
    req.flush(null, { status: 500, statusText: 'boom' });
    expect(done).toBe(true);
    expect(localStorage.getItem('diandan.refreshToken')).toBeNull();
  });
});
