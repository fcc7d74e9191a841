import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import { TranslationService } from '../i18n/translation.service';
import { SILENT_ERRORS } from './http-context';
import { Notifier } from './notifier';
import { describeHttpError } from './problem-details';

/**
 * Shows failed API calls to the user: an nz-message with the problem's `detail`, or an
 * nz-notification listing `field: message` for a 400 with `errors[]`; status 0 reads "server
 * unreachable". A 401 that survived the refresh attempt ends the session and leads to /login.
 * Requests marked `SILENT_ERRORS` are left to their caller. The error is always passed on.
 */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  const i18n = inject(TranslationService);
  const notifier = inject(Notifier);
  const router = inject(Router);
  const auth = inject(AuthService);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || req.context.get(SILENT_ERRORS)) return throwError(() => error);
      if (error.status === 401) {
        auth.clearSession();
        void notifier.warning(i18n.t('error.sessionExpired'));
        void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
      } else {
        void notifier.showError(
          describeHttpError(
            error.status,
            error.error,
            (key, params) => i18n.t(key, params),
            (key) => i18n.dynamic(key, '') || null,
          ),
        );
      }
      return throwError(() => error);
    }),
  );
};
