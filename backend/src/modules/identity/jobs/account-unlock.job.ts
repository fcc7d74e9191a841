import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';

import { SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { DeadlineJob, deadlineJobId, DeadlineSource, QUEUES } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { UserEntity } from '../entities/user.entity';

export const ACCOUNT_UNLOCK_JOB = 'account-unlock';

export interface AccountUnlockPayload {
  userId: number;
  /** The lock this job ends (ISO instant); a later lock has a job of its own. */
  lockedUntil: string;
}

export function accountUnlockDeadline(userId: number, lockedUntil: Date): DeadlineJob<AccountUnlockPayload> {
  return {
    queue: QUEUES.IDENTITY,
    name: ACCOUNT_UNLOCK_JOB,
    jobId: deadlineJobId(ACCOUNT_UNLOCK_JOB, userId, lockedUntil.getTime()),
    payload: { userId, lockedUntil: lockedUntil.toISOString() },
    runAt: lockedUntil,
  };
}

export type AccountUnlockResult = { result: 'UNLOCKED' | 'NOTHING_TO_DO' } | { result: 'NOT_DUE'; dueInMs: number };

/**
 * Ends a lockout when its time has come. Idempotent: it re-reads the user under a row lock and
 * acts only if the lock is still set and the database clock says it has expired.
 */
@Injectable()
export class AccountUnlockJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  handle(payload: AccountUnlockPayload): Promise<AccountUnlockResult> {
    return inTransaction(this.dataSource, async (em) => {
      const user = await em.findOne(UserEntity, { where: { id: payload.userId }, lock: { mode: 'pessimistic_write' } });
      if (user === null || user.lockedUntil === null) return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      if (user.lockedUntil.getTime() > now.getTime()) {
        return { result: 'NOT_DUE', dueInMs: user.lockedUntil.getTime() - now.getTime() };
      }
      const before = { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil };
      await em.update(UserEntity, { id: user.id }, { failedLoginCount: 0, lockedUntil: null, updatedAt: now });
      await this.audit.record(em, SYSTEM_ACTOR, {
        action: 'identity.account.unlocked',
        entityType: 'user',
        entityId: user.id,
        regionPath: user.regionPath,
        before,
        after: { failedLoginCount: 0, lockedUntil: null },
      });
      return { result: 'UNLOCKED' };
    });
  }

  /** Every lock still recorded in the database is a pending unlock. */
  source(): DeadlineSource {
    return {
      kind: ACCOUNT_UNLOCK_JOB,
      pending: async () => {
        const users = await this.dataSource.getRepository(UserEntity).find({
          select: { id: true, lockedUntil: true },
          where: { lockedUntil: Not(IsNull()) },
        });
        return users.map((u) => accountUnlockDeadline(u.id, u.lockedUntil as Date));
      },
    };
  }
}
