import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { BLACKLIST_EXPIRY_JOB, BlacklistExpiryJob, BlacklistExpiryPayload } from './blacklist-expiry.job';
import { GRADE_EXPIRY_JOB, GradeExpiryJob, GradeExpiryPayload } from './grade-expiry.job';

/** Worker-side consumer of the organisations queue (blacklist and grade expiry): dispatches each job name to its job class. */
@Processor(QUEUES.ORGANISATIONS)
export class OrganisationsProcessor extends WorkerHost {
  constructor(
    private readonly blacklistExpiry: BlacklistExpiryJob,
    private readonly gradeExpiry: GradeExpiryJob,
  ) {
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
      case GRADE_EXPIRY_JOB: {
        const outcome = await this.gradeExpiry.handle(job.data as GradeExpiryPayload);
        if (outcome.result === 'NOT_DUE') {
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
