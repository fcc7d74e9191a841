import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { firstValueFrom, isObservable, Observable, of } from 'rxjs';

import type { Me } from '../../api';
import { authGuard, permissionGuard } from './auth.guards';
import { AUTH_URLS } from './auth.service';
import { TokenStore } from './token-store';

const AUDITOR: Me = {
  id: 2,
  username: 'auditor',
  displayName: '审计员',
  phone: null,
  roles: ['AUDITOR'],
  permissions: ['self.read', 'audit.read', 'audit.verify'],
  region: null,
  organisation: null,
};

type GuardResult = boolean | UrlTree;

async function run(guard: typeof authGuard, url: string, flushMe?: Me): Promise<GuardResult> {
  const result = TestBed.runInInjectionContext(() =>
    guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
  ) as Observable<GuardResult> | GuardResult;
  const obs = isObservable(result) ? result : of(result);
  const promise = firstValueFrom(obs);
  if (flushMe) TestBed.inject(HttpTestingController).expectOne(AUTH_URLS.me).flush(flushMe);
  return promise;
}

describe('route guards', () => {
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    router = TestBed.inject(Router);
  });

  it('authGuard sends visitors without a session to /login with the return URL', async () => {
    const result = await run(authGuard, '/admin/users?page=2');
    expect(router.serializeUrl(result as UrlTree)).toBe('/login?returnUrl=%2Fadmin%2Fusers%3Fpage%3D2');
  });

  it('authGuard lets a user with a session in after loading /me', async () => {
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    expect(await run(authGuard, '/', AUDITOR)).toBe(true);
  });

  it('permissionGuard admits holders of the permission and shows 403 to the others', async () => {
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    expect(await run(permissionGuard(PERMISSIONS.AUDIT_READ), '/audit', AUDITOR)).toBe(true);
    const denied = await run(permissionGuard(PERMISSIONS.USERS_MANAGE), '/admin/users');
    expect(router.serializeUrl(denied as UrlTree)).toBe('/403');
  });
});
