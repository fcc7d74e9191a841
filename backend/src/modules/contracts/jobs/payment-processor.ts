import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { PaymentJobs } from './payment-jobs';

/**
 * A minimal consumer of the contracts queue for the `payment.*` jobs. The lead merges the processors of the
 * contracts queue into one (delegating by job-name prefix); until then this one runs every contracts job.
 */
@Processor(QUEUES.CONTRACTS)
export class PaymentProcessor extends WorkerHost {
  constructor(private readonly jobs: PaymentJobs) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    if (!this.jobs.handles(job.name)) throw new Error(`Unknown job ${job.name} on queue ${QUEUES.CONTRACTS}`);
    const outcome = await this.jobs.handle(job.name, job.data);
    if ('dueInMs' in outcome) {
      await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
      throw new DelayedError();
    }
    return outcome.result;
  }
}
