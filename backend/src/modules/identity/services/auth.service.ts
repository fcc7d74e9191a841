import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor, Role } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Deadlines } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { IdentityError, IdentityErrorCode } from '../domain/identity.errors';
import { afterSuccess, isLocked } from '../domain/lockout';
import { RefreshTokenEntity, SessionEntity } from '../entities/session.entity';
import { UserEntity, UserRoleEntity } from '../entities/user.entity';
import { accountUnlockDeadline } from '../jobs/account-unlock.job';
import { countFailedPassword } from './failed-password';
import { PasswordHasher } from './password-hasher';
import { hashToken, TokenPair, TokenService } from './token.service';

export interface ClientInfo {
  ip: string | null;
}

type LoginOutcome =
  { ok: true; pair: TokenPair } | { ok: false; error: IdentityError; lockedUntil?: Date; userId?: number };

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly deadlines: Deadlines,
  ) {}

  /**
   * Signs in. Failed attempts are counted and the account is locked after the threshold; the
   * counters and the audit event are committed even though the request fails, then the error is
   * thrown. Whether the account is locked is decided by the database clock in the transaction.
   */
  async login(username: string, password: string, client: ClientInfo): Promise<TokenPair> {
    const outcome = await inTransaction(this.dataSource, async (em): Promise<LoginOutcome> => {
      const user = await em.findOne(UserEntity, { where: { username }, lock: { mode: 'pessimistic_write' } });
      const now = await dbNow(em);
      const anon: Actor = { ...this.actorOf(null, username, []), ip: client.ip };
      if (user === null) {
        await this.hasher.verify(null, password);
        await this.audit.record(em, anon, {
          action: 'identity.login.failed',
          entityType: 'user',
          after: { username, reason: 'UNKNOWN_USER' },
        });
        return { ok: false, error: invalidCredentials() };
      }
      const roles = await this.rolesOf(em, user.id);
      const actor: Actor = { ...this.actorOf(user, user.username, roles), ip: client.ip };
      const counters = { failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil };
      if (isLocked(counters, now)) {
        // Same work and same answer as a wrong password: a locked account must not be told apart from an
        // unknown one or a wrong password (no account discovery, PRODUCT.md §5.1 / issue #9 A13).
        await this.hasher.verify(user.passwordHash, password);
        await this.audit.record(em, actor, {
          action: 'identity.login.refused_locked',
          entityType: 'user',
          entityId: user.id,
          regionPath: user.regionPath,
        });
        return { ok: false, error: invalidCredentials() };
      }
      if (!(await this.hasher.verify(user.passwordHash, password))) {
        const next = await countFailedPassword(
          em,
          { audit: this.audit, env: this.env },
          actor,
          user,
          counters,
          now,
          'identity.login.failed',
        );
        if (next.locked)
          return { ok: false, error: invalidCredentials(), lockedUntil: next.lockedUntil as Date, userId: user.id };
        return { ok: false, error: invalidCredentials() };
      }
      if (user.status !== 'ACTIVE') {
        await this.audit.record(em, actor, {
          action: 'identity.login.refused_disabled',
          entityType: 'user',
          entityId: user.id,
          regionPath: user.regionPath,
        });
        return {
          ok: false,
          error: new IdentityError(
            IdentityErrorCode.ACCOUNT_DISABLED,
            'This account is disabled. Contact your administrator.',
          ),
        };
      }
      const reset = afterSuccess();
      await em.update(
        UserEntity,
        { id: user.id },
        { failedLoginCount: reset.failedCount, lockedUntil: reset.lockedUntil, updatedAt: now },
      );
      const { session, pair } = await this.tokens.startSession(em, user.id, now, client.ip);
      await this.audit.record(
        em,
        { ...actor, sessionId: session.id },
        {
          action: 'identity.login.succeeded',
          entityType: 'session',
          entityId: session.id,
          regionPath: user.regionPath,
        },
      );
      return { ok: true, pair: { ...pair, mustChangePassword: user.mustChangePassword } };
    });
    if (outcome.ok) return outcome.pair;
    if (outcome.lockedUntil && outcome.userId !== undefined) {
      await this.deadlines.schedule(accountUnlockDeadline(outcome.userId, outcome.lockedUntil));
    }
    throw outcome.error;
  }

  /**
   * Rotates a refresh token. A token already spent means it was stolen or replayed: the whole
   * session family is revoked, and the error is thrown after that revocation commits.
   */
  async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPair> {
    const outcome = await inTransaction(this.dataSource, async (em): Promise<LoginOutcome> => {
      const token = await em.findOne(RefreshTokenEntity, {
        where: { tokenHash: hashToken(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (token === null) return { ok: false, error: invalidRefresh() };
      const session = await em.findOne(SessionEntity, {
        where: { id: token.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      const user = session && (await em.findOneBy(UserEntity, { id: session.userId }));
      if (session === null || user === null || session.revokedAt !== null)
        return { ok: false, error: invalidRefresh() };
      const now = await dbNow(em);
      const actor: Actor = {
        ...this.actorOf(user, user.username, await this.rolesOf(em, user.id)),
        ip: client.ip,
        sessionId: session.id,
      };
      if (token.usedAt !== null) {
        await em.update(SessionEntity, { id: session.id }, { revokedAt: now, revokedReason: 'REFRESH_REUSE' });
        await this.audit.record(em, actor, {
          action: 'identity.session.reuse_detected',
          entityType: 'session',
          entityId: session.id,
          regionPath: user.regionPath,
          after: { revokedReason: 'REFRESH_REUSE' },
        });
        return {
          ok: false,
          error: new IdentityError(
            IdentityErrorCode.REFRESH_TOKEN_REUSED,
            'This refresh token was already used; the session has been ended for safety. Sign in again.',
          ),
        };
      }
      if (
        token.expiresAt.getTime() <= now.getTime() ||
        session.expiresAt.getTime() <= now.getTime() ||
        user.status !== 'ACTIVE'
      ) {
        return { ok: false, error: invalidRefresh() };
      }
      await em.update(RefreshTokenEntity, { id: token.id }, { usedAt: now });
      const pair = await this.tokens.issue(em, session, now);
      await this.audit.record(em, actor, {
        action: 'identity.session.refreshed',
        entityType: 'session',
        entityId: session.id,
        regionPath: user.regionPath,
      });
      return { ok: true, pair };
    });
    if (outcome.ok) return outcome.pair;
    throw outcome.error;
  }

  /** Ends the session of the refresh token. Unknown tokens are ignored (logout is idempotent). */
  async logout(refreshToken: string, client: ClientInfo): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const token = await em.findOneBy(RefreshTokenEntity, { tokenHash: hashToken(refreshToken) });
      if (token === null) return;
      const session = await em.findOne(SessionEntity, {
        where: { id: token.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (session === null || session.revokedAt !== null) return;
      const user = await em.findOneByOrFail(UserEntity, { id: session.userId });
      const now = await dbNow(em);
      await em.update(SessionEntity, { id: session.id }, { revokedAt: now, revokedReason: 'LOGOUT' });
      const actor: Actor = {
        ...this.actorOf(user, user.username, await this.rolesOf(em, user.id)),
        ip: client.ip,
        sessionId: session.id,
      };
      await this.audit.record(em, actor, {
        action: 'identity.logout',
        entityType: 'session',
        entityId: session.id,
        regionPath: user.regionPath,
      });
    });
  }

  private async rolesOf(em: import('typeorm').EntityManager, userId: number): Promise<Role[]> {
    const rows = await em.findBy(UserRoleEntity, { userId });
    return rows.map((r) => r.role as Role).sort();
  }

  private actorOf(user: UserEntity | null, username: string, roles: Role[]): Actor {
    return {
      userId: user?.id ?? 0,
      username,
      roles,
      regionPath: user?.regionPath ?? null,
      regionId: user?.regionId ?? null,
      organisationId: user?.organisationId ?? null,
      sessionId: null,
      ip: null,
    };
  }
}

/**
 * The one answer to every refused sign-in that does not prove the password: wrong password, unknown
 * account, locked account. The message names the lock as a possibility for everyone alike.
 */
function invalidCredentials(): IdentityError {
  return new IdentityError(
    IdentityErrorCode.INVALID_CREDENTIALS,
    'The username or password is incorrect, or the account is locked for a while after too many failed sign-ins.',
  );
}

function invalidRefresh(): IdentityError {
  return new IdentityError(
    IdentityErrorCode.REFRESH_TOKEN_INVALID,
    'The refresh token is invalid or expired. Sign in again.',
  );
}
