import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Observable } from 'rxjs';

import { Actor } from '../../../platform/access';
import { IdentityError, IdentityErrorCode } from '../domain/identity.errors';
import { PasswordChangeGate } from '../services/password-change-gate';

const ALLOWED_BEFORE_PASSWORD_CHANGE = 'identity:allowedBeforePasswordChange';

/** A route a user whose password was reset may still call: reading who they are, choosing the new password. */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

/**
 * Global (APP_INTERCEPTOR, after the access guard has resolved the actor): after an administrator's reset,
 * the temporary password opens a session that can do one thing — change it. Every other route answers
 * 403 IDENTITY_PASSWORD_CHANGE_REQUIRED; public routes (sign-in, sign-out) are not concerned.
 */
@Injectable()
export class PasswordChangeRequiredInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly gate: PasswordChangeGate,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const actor = context.switchToHttp().getRequest<Request & { actor?: Actor }>().actor;
    if (
      actor !== undefined &&
      this.gate.mustChange(actor) &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      throw new IdentityError(
        IdentityErrorCode.PASSWORD_CHANGE_REQUIRED,
        'Your password was reset: choose a new password before anything else.',
      );
    }
    return next.handle();
  }
}
