import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, ActorResolver, Role } from '../../../platform/access';
import { AuditService } from '../../audit';
import { PasswordChangeGate } from './password-change-gate';
import { AccessClaims, TokenService } from './token.service';

interface ActorRow {
  id: number;
  username: string;
  status: string;
  region_id: number | null;
  region_path: string | null;
  organisation_id: number | null;
  roles: string | null;
  must_change_password: number;
}

/**
 * Turns an access token into an actor on every request: the token must verify, and its session
 * must still be live and its user active — so disabling a user or revoking a session takes effect
 * at once, not when the access token expires.
 */
@Injectable()
export class IdentityActorResolver implements ActorResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly gate: PasswordChangeGate,
  ) {}

  async resolve(bearerToken: string, ip: string | null): Promise<Actor | null> {
    const claims = await this.tokens.verifyAccess(bearerToken);
    if (claims === null) return null;
    const found = await this.load(claims, ip);
    if (found === null) return null;
    if (found.mustChangePassword) this.gate.mark(found.actor);
    return found.actor;
  }

  mustChangePassword(actor: Actor): boolean {
    return this.gate.mustChange(actor);
  }

  issueScoped(actor: Actor, audience: string, ttlSeconds: number): Promise<string> {
    if (actor.sessionId === null) throw new Error('a scoped token needs a signed-in session');
    return this.tokens.issueScoped({ sub: actor.userId, sid: actor.sessionId }, audience, ttlSeconds);
  }

  async resolveScoped(token: string, audience: string, ip: string | null): Promise<Actor | null> {
    const claims = await this.tokens.verifyScoped(token, audience);
    if (claims === null) return null;
    const found = await this.load(claims, ip);
    // No route of a scoped token is one a user must reach before changing the password.
    return found === null || found.mustChangePassword ? null : found.actor;
  }

  /** The session must be live and its user active; roles as they are now. */
  private async load(
    claims: AccessClaims,
    ip: string | null,
  ): Promise<{ actor: Actor; mustChangePassword: boolean } | null> {
    const rows: ActorRow[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.status, u.region_id, u.region_path, u.organisation_id, u.must_change_password,
              (SELECT GROUP_CONCAT(ur.role ORDER BY ur.role) FROM user_roles ur WHERE ur.user_id = u.id) AS roles
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = ? AND s.user_id = ? AND s.revoked_at IS NULL AND s.expires_at > UTC_TIMESTAMP(3) AND u.status = 'ACTIVE'`,
      [claims.sid, claims.sub],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    const actor: Actor = {
      userId: r.id,
      username: r.username,
      roles: (r.roles ?? '').split(',').filter(Boolean) as Role[],
      regionId: r.region_id,
      regionPath: r.region_path,
      organisationId: r.organisation_id,
      sessionId: claims.sid,
      ip,
    };
    return { actor, mustChangePassword: Number(r.must_change_password) === 1 };
  }

  async recordDenied(actor: Actor, permission: string, method: string, path: string): Promise<void> {
    await this.audit.recordAlone(actor, {
      action: 'access.denied',
      entityType: 'endpoint',
      entityId: `${method} ${path.split('?')[0]}`.slice(0, 64),
      regionPath: actor.regionPath,
      after: { permission },
    });
  }
}
