import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

import { AccessError } from './access.errors';
import { Actor, ACTOR_RESOLVER, ActorResolver } from './actor';
import { IS_PUBLIC, REQUIRED_PERMISSION } from './decorators';
import { hasPermission, Permission } from './permissions';

/**
 * The global guard: deny by default. A route passes only if it is `@Public()`, or the caller has a
 * valid access token for a live session of an active user holding the route's permission.
 * Denials are audited.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACTOR_RESOLVER) private readonly resolver: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw AccessError.unauthenticated();
    const actor = await this.resolver.resolve(match[1], req.ip ?? null);
    if (!actor) throw AccessError.unauthenticated();
    req.actor = actor;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission === undefined) {
      await this.resolver.recordDenied(actor, '(none declared)', req.method, req.originalUrl);
      throw AccessError.notDeclared();
    }
    if (!hasPermission(actor.roles, permission)) {
      await this.resolver.recordDenied(actor, permission, req.method, req.originalUrl);
      throw AccessError.forbidden(permission);
    }
    return true;
  }
}
