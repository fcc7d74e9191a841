import { EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { Actor } from '../../../platform/access';
import { AuditService } from '../../audit';
import { afterFailure, current, LoginCounters } from '../domain/lockout';
import { UserEntity } from '../entities/user.entity';

/**
 * A wrong password for an existing account — at sign-in or when changing one's own password: the failure is
 * counted, the account locked at the threshold (decided by `now`, the database clock), and audited with the
 * counters before and after. Inside the caller's transaction, with the user row already locked.
 */
export async function countFailedPassword(
  em: EntityManager,
  deps: { audit: AuditService; env: Pick<Env, 'LOCKOUT_THRESHOLD' | 'LOCKOUT_MINUTES'> },
  actor: Actor,
  user: Pick<UserEntity, 'id' | 'regionPath'>,
  counters: LoginCounters,
  now: Date,
  failedAction: string,
): Promise<ReturnType<typeof afterFailure>> {
  const next = afterFailure(counters, now, {
    threshold: deps.env.LOCKOUT_THRESHOLD,
    minutes: deps.env.LOCKOUT_MINUTES,
  });
  await em.update(
    UserEntity,
    { id: user.id },
    { failedLoginCount: next.failedCount, lockedUntil: next.lockedUntil, updatedAt: now },
  );
  await deps.audit.record(em, actor, {
    action: next.locked ? 'identity.account.locked' : failedAction,
    entityType: 'user',
    entityId: user.id,
    regionPath: user.regionPath,
    before: current(counters, now),
    after: { failedCount: next.failedCount, lockedUntil: next.lockedUntil },
  });
  return next;
}
