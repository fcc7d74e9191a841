import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';

import { API_V1 } from '../../api';
import { AuthService, isAuthEndpoint } from './auth.service';

function withBearer(req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/**
 * Adds `Authorization: Bearer` to API calls. On a 401 it refreshes the tokens once
 * (sharing a refresh already in flight) and replays the request; if the refresh fails the
 * session is cleared and the original 401 goes on to the caller.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith(API_V1) || isAuthEndpoint(req.url)) return next(req);
  const auth = inject(AuthService);
  return next(withBearer(req, auth.accessToken())).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) return throwError(() => error);
      return auth.refresh().pipe(
        catchError(() => throwError(() => error)),
        switchMap((token) => next(withBearer(req, token))),
      );
    }),
  );
};
