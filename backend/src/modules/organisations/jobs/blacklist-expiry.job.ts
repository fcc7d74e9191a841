import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';

import { SYSTEM_ACTOR } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { DeadlineJob, deadlineJobId, DeadlineSource, QUEUES } from '../../../platform/queue';
import { OrganisationEntity } from '../entities/organisation.entity';
import { OrganisationLifecycle } from '../services/organisation-lifecycle.service';
import { OrganisationsService } from '../services/organisations.service';

export const BLACKLIST_EXPIRY_JOB = 'organisation-blacklist-expiry';

export interface BlacklistExpiryPayload {
  organisationId: number;
  /** The end of the blacklisting this job was scheduled for (ISO instant); the row decides. */
  blacklistedUntil: string;
}

/** One job per blacklisting, with a deterministic id (organisation and end instant). */
export function blacklistExpiryDeadline(
  organisationId: number,
  blacklistedUntil: Date,
): DeadlineJob<BlacklistExpiryPayload> {
  return {
    queue: QUEUES.ORGANISATIONS,
    name: BLACKLIST_EXPIRY_JOB,
    jobId: deadlineJobId(BLACKLIST_EXPIRY_JOB, organisationId, blacklistedUntil.getTime()),
    payload: { organisationId, blacklistedUntil: blacklistedUntil.toISOString() },
    runAt: blacklistedUntil,
  };
}

export type BlacklistExpiryResult = { result: 'REINSTATED' | 'NOTHING_TO_DO' } | { result: 'NOT_DUE'; dueInMs: number };

/**
 * Ends a blacklisting when its time has come: BLACKLISTED → ACTIVE. Idempotent: it re-reads the
 * organisation under a row lock and acts only if it is still blacklisted and the database clock
 * says the end has passed; otherwise it reports how long is left (the processor waits that long).
 */
@Injectable()
export class BlacklistExpiryJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly lifecycle: OrganisationLifecycle,
  ) {}

  handle(payload: BlacklistExpiryPayload): Promise<BlacklistExpiryResult> {
    return inTransaction(this.dataSource, async (em) => {
      const loaded = await this.organisations.load(em, payload.organisationId, true);
      if (loaded === null || loaded.org.status !== 'BLACKLISTED' || loaded.org.blacklistedUntil === null)
        return { result: 'NOTHING_TO_DO' };
      const now = await dbNow(em);
      const until = loaded.org.blacklistedUntil;
      if (until.getTime() > now.getTime()) return { result: 'NOT_DUE', dueInMs: until.getTime() - now.getTime() };
      await this.lifecycle.transition(em, SYSTEM_ACTOR, loaded, 'BLACKLIST_EXPIRE', {}, now);
      return { result: 'REINSTATED' };
    });
  }

  /** Every blacklisted organisation is a pending expiry (the reconciler rebuilds lost jobs from it). */
  source(): DeadlineSource {
    return {
      kind: BLACKLIST_EXPIRY_JOB,
      pending: async () => {
        const rows = await this.dataSource.getRepository(OrganisationEntity).find({
          select: { id: true, blacklistedUntil: true },
          where: { status: 'BLACKLISTED', blacklistedUntil: Not(IsNull()) },
        });
        return rows.map((o) => blacklistExpiryDeadline(o.id, o.blacklistedUntil as Date));
      },
    };
  }
}
