import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { firstValueFrom, isObservable, Observable, of } from 'rxjs';

import type { Me } from '../../../api';
import { AUTH_URLS } from '../../../core/auth/auth.service';
import { TokenStore } from '../../../core/auth/token-store';
import { passwordChangeGuard } from './password-change.guard';

const ME: Me = {
  id: 7,
  username: 'forgetful',
  displayName: '健忘',
  phone: null,
  roles: ['AUDITOR'],
  permissions: ['self.read', 'audit.read'],
  region: null,
  organisation: null,
};

async function run(me: Me): Promise<boolean | UrlTree> {
  const result = TestBed.runInInjectionContext(() =>
    passwordChangeGuard({} as ActivatedRouteSnapshot, { url: '/audit' } as RouterStateSnapshot),
  ) as Observable<boolean | UrlTree> | boolean | UrlTree;
  const promise = firstValueFrom(isObservable(result) ? result : of(result));
  TestBed.inject(HttpTestingController).expectOne(AUTH_URLS.me).flush(me);
  return promise;
}

describe('passwordChangeGuard', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
  });

  it('sends a user whose password was reset to the password page first', async () => {
    const result = await run({ ...ME, mustChangePassword: true });
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/password');
  });

  it('lets everybody else in', async () => {
    expect(await run({ ...ME, mustChangePassword: false })).toBe(true);
  });
});
