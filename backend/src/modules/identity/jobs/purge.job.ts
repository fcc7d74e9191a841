import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Env } from '../../../config/env';
import { SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { DeadlineJob, deadlineJobId, DeadlineSource, QUEUES } from '../../../platform/queue';
import { AuditService } from '../../audit';
import { nextPurgeSlot, purgeCutoff } from '../domain/purge-schedule';

export const PURGE_JOB = 'identity-purge';

export interface PurgePayload {
  /** The slot this job runs (ISO instant): one job per slot, whoever schedules it. */
  slot: string;
}

export function purgeDeadline(slot: Date): DeadlineJob<PurgePayload> {
  return {
    queue: QUEUES.IDENTITY,
    name: PURGE_JOB,
    jobId: deadlineJobId(PURGE_JOB, slot.getTime()),
    payload: { slot: slot.toISOString() },
    runAt: slot,
  };
}

export interface PurgeCounts {
  sessions: number;
  refreshTokens: number;
  idempotencyKeys: number;
}

export type PurgeResult =
  { result: 'PURGED'; deleted: PurgeCounts; batches: number } | { result: 'NOT_DUE'; dueInMs: number };

/**
 * Housekeeping of what sign-in and idempotency leave behind (issue #9 C): sessions that ended (expired or
 * revoked) and refresh tokens that expired more than PURGE_RETENTION_DAYS ago, and idempotency keys past
 * their expiry. A repeatable job in the worker, one per slot of PURGE_INTERVAL_MINUTES: the reconciler's
 * source always offers the next slot, so Redis losing it costs nothing. It deletes in batches of
 * PURGE_BATCH_SIZE rows, each batch its own short statement or transaction, so the tables the API uses on
 * every request are never locked for long; running it twice deletes nothing the second time. A run that
 * deleted something leaves one audit event with the counts.
 *
 * Retention keeps spent refresh tokens as long as they could be replayed (reuse detection needs them) and
 * lets auditors match recent audit events to their sessions.
 */
@Injectable()
export class IdentityPurgeJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly audit: AuditService,
  ) {}

  async handle(payload: PurgePayload): Promise<PurgeResult> {
    const now = await dbNow(this.dataSource.manager);
    const slot = new Date(payload.slot);
    if (slot.getTime() > now.getTime()) return { result: 'NOT_DUE', dueInMs: slot.getTime() - now.getTime() };
    const cutoff = purgeCutoff(now, this.env.PURGE_RETENTION_DAYS);
    const batch = this.env.PURGE_BATCH_SIZE;
    const deleted: PurgeCounts = { sessions: 0, refreshTokens: 0, idempotencyKeys: 0 };
    let batches = 0;

    // refresh tokens that expired long ago (of sessions that may still be live)
    for (;;) {
      const n = await this.affected(
        this.dataSource.query('DELETE FROM refresh_tokens WHERE expires_at < ? LIMIT ?', [cutoff, batch]),
      );
      batches++;
      deleted.refreshTokens += n;
      if (n < batch) break;
    }
    // sessions that ended long ago, with whatever tokens they still have (the foreign key wants them first)
    for (;;) {
      const n = await inTransaction(this.dataSource, async (em) => {
        const rows: Array<{ id: string }> = await em.query(
          `SELECT id FROM sessions WHERE expires_at < ?
           UNION SELECT id FROM sessions WHERE revoked_at < ? LIMIT ?`,
          [cutoff, cutoff, batch],
        );
        if (rows.length === 0) return 0;
        const ids = rows.map((r) => r.id);
        const marks = ids.map(() => '?').join(',');
        deleted.refreshTokens += await this.affected(
          em.query(`DELETE FROM refresh_tokens WHERE session_id IN (${marks})`, ids),
        );
        return this.affected(em.query(`DELETE FROM sessions WHERE id IN (${marks})`, ids));
      });
      batches++;
      deleted.sessions += n;
      if (n < batch) break;
    }
    // idempotency keys past their expiry (a replay after it is a new request anyway)
    for (;;) {
      const n = await this.affected(
        this.dataSource.query('DELETE FROM idempotency_keys WHERE expires_at < ? LIMIT ?', [now, batch]),
      );
      batches++;
      deleted.idempotencyKeys += n;
      if (n < batch) break;
    }

    if (deleted.sessions + deleted.refreshTokens + deleted.idempotencyKeys > 0) {
      await inTransaction(this.dataSource, (em) =>
        this.audit.record(em, SYSTEM_ACTOR, {
          action: 'identity.purge.completed',
          entityType: 'purge',
          entityId: payload.slot,
          after: { ...deleted, cutoff: cutoff.toISOString(), batches },
        }),
      );
    }
    return { result: 'PURGED', deleted, batches };
  }

  /** The next slot is always pending: the reconciler schedules it at start-up and rebuilds it after a Redis loss. */
  source(): DeadlineSource {
    return {
      kind: PURGE_JOB,
      pending: async () => [
        purgeDeadline(nextPurgeSlot(await dbNow(this.dataSource.manager), this.env.PURGE_INTERVAL_MINUTES)),
      ],
    };
  }

  private async affected(result: Promise<unknown>): Promise<number> {
    const r = (await result) as { affectedRows?: number } | [unknown, number];
    if (Array.isArray(r)) return Number(r[1] ?? 0);
    return Number(r.affectedRows ?? 0);
  }
}
