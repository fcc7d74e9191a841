import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@diandan/access';
import { map } from 'rxjs';

import { AuthService } from './auth.service';

/** Lets signed-in users through; sends the others to /login, remembering where they were going. */
export const authGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return inject(AuthService)
    .ensureMe()
    .pipe(map((me) => (me ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } }))));
};

/** Keeps signed-in users away from /login. */
export const guestGuard: CanActivateFn = () => {
  const router = inject(Router);
  return inject(AuthService)
    .ensureMe()
    .pipe(map((me) => (me ? router.createUrlTree(['/']) : true)));
};

/** Needs `permission` (a code from `@diandan/access`); otherwise shows the 403 page. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    return auth.ensureMe().pipe(
      map((me) => {
        if (!me) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
        return auth.can(permission) ? true : router.createUrlTree(['/403']);
      }),
    );
  };
}
