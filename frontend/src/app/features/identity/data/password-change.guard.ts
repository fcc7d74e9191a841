import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { map } from 'rxjs';

import { AuthService } from '../../../core/auth/auth.service';
import { mustChangePassword } from './password-form';

/**
 * On the signed-in shell: a user whose password an administrator reset goes to the password page first
 * (the API refuses everything else with 403 IDENTITY_PASSWORD_CHANGE_REQUIRED until then).
 */
export const passwordChangeGuard: CanActivateFn = () => {
  const router = inject(Router);
  return inject(AuthService)
    .ensureMe()
    .pipe(map((me) => (mustChangePassword(me) ? router.createUrlTree(['/password']) : true)));
};
