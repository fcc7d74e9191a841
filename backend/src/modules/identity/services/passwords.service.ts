import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Deadlines } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { IdentityError, IdentityErrorCode } from '../domain/identity.errors';
import { isLocked } from '../domain/lockout';
import { checkPassword, PASSWORD_PROBLEM_TEXT } from '../domain/password-policy';
import { temporaryPassword } from '../domain/temporary-password';
import { ChangePasswordDto, TemporaryPasswordDto } from '../dto/auth.dto';
import { UserDto } from '../dto/user.dto';
import { SessionEntity } from '../entities/session.entity';
import { UserEntity } from '../entities/user.entity';
import { accountUnlockDeadline } from '../jobs/account-unlock.job';
import { countFailedPassword } from './failed-password';
import { PasswordHasher } from './password-hasher';
import { SignInLimiter } from './sign-in-limiter';
import { UsersService } from './users.service';

function policyError(field: string, message: string): IdentityError {
  return new IdentityError(IdentityErrorCode.PASSWORD_POLICY, message, { errors: [{ field, message }] });
}

/**
 * Passwords after the account exists: the user changes their own (current one checked, other sessions
 * ended), an administrator resets one (a temporary password the user must replace at the next sign-in) and
 * unlocks a locked account. Each in one transaction with its audit event; no event ever holds a password.
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly deadlines: Deadlines,
    private readonly users: UsersService,
    private readonly limiter: SignInLimiter,
  ) {}

  /**
   * The signed-in user replaces their password. A wrong current password counts towards the lockout as a
   * failed sign-in would (a stolen session must not become a way to guess it); every other session of the
   * user ends, this one goes on.
   */
  async change(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const problem = checkPassword(dto.newPassword, actor.username);
    if (problem !== null) throw policyError('newPassword', PASSWORD_PROBLEM_TEXT[problem]);
    if (dto.newPassword === dto.currentPassword)
      throw policyError('newPassword', 'The new password must differ from the current one.');
    const newHash = await this.hasher.hash(dto.newPassword);
    const outcome = await inTransaction(this.dataSource, async (em) => {
      const user = await em.findOneOrFail(UserEntity, {
        where: { id: actor.userId },
        lock: { mode: 'pessimistic_write' },
      });
      const now = await dbNow(em);
      const counters = { failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil };
      // verified even while locked: the answer then is the same, and takes the same time
      const right = await this.hasher.verify(user.passwordHash, dto.currentPassword);
      if (isLocked(counters, now)) return { ok: false as const, lockedUntil: null };
      if (!right) {
        const next = await countFailedPassword(
          em,
          { audit: this.audit, env: this.env },
          actor,
          user,
          counters,
          now,
          'identity.password.change_failed',
        );
        return { ok: false as const, lockedUntil: next.locked ? next.lockedUntil : null };
      }
      await em.update(
        UserEntity,
        { id: user.id },
        {
          passwordHash: newHash,
          mustChangePassword: false,
          passwordChangedAt: now,
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: now,
        },
      );
      const revoked = await this.revokeSessions(em, user.id, now, 'PASSWORD_CHANGED', actor.sessionId);
      await this.audit.record(em, actor, {
        action: 'identity.password.changed',
        entityType: 'user',
        entityId: user.id,
        regionPath: user.regionPath,
        after: { sessionsRevoked: revoked, mustChangePassword: false },
      });
      return { ok: true as const };
    });
    if (outcome.ok) return;
    if (outcome.lockedUntil) await this.deadlines.schedule(accountUnlockDeadline(actor.userId, outcome.lockedUntil));
    const message = 'The current password is wrong (after several wrong attempts, wait a few minutes).';
    throw new IdentityError(IdentityErrorCode.CURRENT_PASSWORD_WRONG, message, {
      errors: [{ field: 'currentPassword', message }],
    });
  }

  /**
   * An administrator resets a user's password (in their region scope): a temporary password, returned
   * once and never stored in clear, which only lets the user choose a new one at the next sign-in. Every
   * session of the user ends and a lockout is lifted. Nobody resets their own: they change it.
   */
  async reset(actor: Actor, id: number): Promise<TemporaryPasswordDto> {
    if (id === actor.userId)
      throw new IdentityError(
        IdentityErrorCode.CANNOT_RESET_OWN_PASSWORD,
        'You cannot reset your own password: change it from your account menu.',
      );
    const username = await inTransaction(
      this.dataSource,
      async (em) => (await this.users.loadInScope(actor, id, em)).username,
    );
    const temporary = temporaryPassword(username);
    const hash = await this.hasher.hash(temporary);
    await inTransaction(this.dataSource, async (em) => {
      const user = await this.users.loadInScope(actor, id, em, true);
      const now = await dbNow(em);
      const unlocked = user.lockedUntil !== null || user.failedLoginCount > 0;
      await em.update(
        UserEntity,
        { id },
        {
          passwordHash: hash,
          mustChangePassword: true,
          passwordChangedAt: now,
          failedLoginCount: 0,
          lockedUntil: null,
          updatedAt: now,
        },
      );
      const revoked = await this.revokeSessions(em, id, now, 'PASSWORD_RESET', null);
      await this.audit.record(em, actor, {
        action: 'identity.password.reset',
        entityType: 'user',
        entityId: id,
        regionPath: user.regionPath,
        after: { mustChangePassword: true, sessionsRevoked: revoked, unlocked },
      });
    });
    await this.limiter.clearAccount(username);
    return { temporaryPassword: temporary };
  }

  /** An administrator lifts a lockout at once (the unlock job would have at `locked_until`); 409 if there is none. */
  async unlock(actor: Actor, id: number): Promise<UserDto> {
    const username = await inTransaction(this.dataSource, async (em) => {
      const user = await this.users.loadInScope(actor, id, em, true);
      const now = await dbNow(em);
      const counters = { failedCount: user.failedLoginCount, lockedUntil: user.lockedUntil };
      if (!isLocked(counters, now))
        throw new IdentityError(IdentityErrorCode.ILLEGAL_TRANSITION, 'The account is not locked.');
      await em.update(UserEntity, { id }, { failedLoginCount: 0, lockedUntil: null, updatedAt: now });
      await this.audit.record(em, actor, {
        action: 'identity.account.unlocked',
        entityType: 'user',
        entityId: id,
        regionPath: user.regionPath,
        before: { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil },
        after: { failedLoginCount: 0, lockedUntil: null },
      });
      return user.username;
    });
    // the sign-in limit of the account (Redis) goes with the lock: the user was told to try again now
    await this.limiter.clearAccount(username);
    return this.users.get(actor, id);
  }

  /** Ends every live session of the user but `keep` (the caller's own, when they change their password). */
  private async revokeSessions(
    em: EntityManager,
    userId: number,
    now: Date,
    reason: string,
    keep: string | null,
  ): Promise<number> {
    const qb = em
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: now, revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keep !== null) qb.andWhere('id <> :keep', { keep });
    return (await qb.execute()).affected ?? 0;
  }
}
