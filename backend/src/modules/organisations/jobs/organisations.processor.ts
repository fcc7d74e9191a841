import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { BLACKLIST_EXPIRY_JOB, BlacklistExpiryJob, BlacklistExpiryPayload } from './blacklist-expiry.job';

/** Worker-side consumer of the organisations queue: dispatches each job name to its job class. */
@Processor(QUEUES.ORGANISATIONS)
export class OrganisationsProcessor extends WorkerHost {
  constructor(private readonly blacklistExpiry: BlacklistExpiryJob) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    switch (job.name) {
      case BLACKLIST_EXPIRY_JOB: {
        const outcome = await this.blacklistExpiry.handle(job.data as BlacklistExpiryPayload);
        if (outcome.result === 'NOT_DUE') {
          // Fired early (clock skew between Redis and the database): wait the remaining time.
          await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
          throw new DelayedError();
        }
        return outcome.result;
      }
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUES.ORGANISATIONS}`);
    }
  }
}
