import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { map } from 'rxjs';

import { AuthService } from '../../core/auth/auth.service';
import { homeRedirect } from './data/desk-view';

/** The home route: the desk, except for residents, whose home is their community's needs. */
export const deskGuard: CanActivateFn = () => {
  const router = inject(Router);
  return inject(AuthService)
    .ensureMe()
    .pipe(
      map((me) => {
        const target = me ? homeRedirect(me.roles) : null;
        return target ? router.parseUrl(target) : true;
      }),
    );
};
