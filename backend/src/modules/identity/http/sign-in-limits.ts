import { CallHandler, CanActivate, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, Observable, switchMap, throwError } from 'rxjs';

import { DomainError } from '../../../platform/http/domain-error';
import { IdentityError, IdentityErrorCode } from '../domain/identity.errors';
import { SignInLimiter } from '../services/sign-in-limiter';

function limited(res: Response, seconds: number): IdentityError {
  res.setHeader('Retry-After', String(seconds));
  return new IdentityError(IdentityErrorCode.RATE_LIMITED, `Too many attempts; try again in ${seconds} s.`, {
    retryAfterSeconds: seconds,
  });
}

function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * On the public auth routes (sign-in, refresh, logout, registrations): at most AUTH_RATE_LIMIT requests per
 * client address per window, across every API process; over it, 429 with `Retry-After`.
 */
@Injectable()
export class AuthRateGuard implements CanActivate {
  constructor(private readonly limiter: SignInLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const wait = await this.limiter.hitRequest(addressOf(http.getRequest<Request>()));
    if (wait > 0) throw limited(http.getResponse<Response>(), wait);
    return true;
  }
}

/**
 * On `POST /auth/login`: refuses (429, `Retry-After`) while the named account or the client address has
 * reached its failed sign-ins for the window, and counts each refused credential (401) against both. It
 * reads the raw body before validation: a body without a string username counts under an empty name.
 */
@Injectable()
export class SignInLimitInterceptor implements NestInterceptor {
  constructor(private readonly limiter: SignInLimiter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const body: unknown = req.body;
    const raw = typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined;
    const username = typeof raw === 'string' ? raw : null;
    const address = addressOf(req);
    return from(this.limiter.waitBeforeSignIn(username, address)).pipe(
      switchMap((wait) => {
        if (wait > 0) return throwError(() => limited(res, wait));
        return next
          .handle()
          .pipe(
            catchError((err: unknown) =>
              from(isRefusedCredential(err) ? this.limiter.recordFailure(username, address) : Promise.resolve()).pipe(
                switchMap(() => throwError(() => err)),
              ),
            ),
          );
      }),
    );
  }
}

/** A sign-in refused for its credentials (wrong password, unknown or locked account: one answer for all three). */
function isRefusedCredential(err: unknown): boolean {
  return err instanceof DomainError && err.code === IdentityErrorCode.INVALID_CREDENTIALS;
}
