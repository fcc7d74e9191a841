import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { ACCOUNT_UNLOCK_JOB, AccountUnlockJob, AccountUnlockPayload } from './account-unlock.job';
import { IdentityPurgeJob, PURGE_JOB, PurgePayload } from './purge.job';

/** Worker-side consumer of the identity queue: dispatches each job name to its job class. */
@Processor(QUEUES.IDENTITY)
export class IdentityProcessor extends WorkerHost {
  constructor(
    private readonly unlock: AccountUnlockJob,
    private readonly purge: IdentityPurgeJob,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    switch (job.name) {
      case ACCOUNT_UNLOCK_JOB: {
        const outcome = await this.unlock.handle(job.data as AccountUnlockPayload);
        if (outcome.result === 'NOT_DUE') {
          // Fired early (clock skew between Redis and the database): wait the remaining time.
          await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
          throw new DelayedError();
        }
        return outcome.result;
      }
      case PURGE_JOB: {
        const outcome = await this.purge.handle(job.data as PurgePayload);
        if (outcome.result === 'NOT_DUE') {
          await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
          throw new DelayedError();
        }
        return JSON.stringify(outcome.deleted);
      }
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUES.IDENTITY}`);
    }
  }
}
