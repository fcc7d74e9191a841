import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { CustodyJobs } from '../../funds';

/**
 * Minimal consumer of the CONTRACTS queue for the `custody.*` jobs (the lead folds the handlers of the contracts
 * queue into one processor): a job that fires early is delayed again, one that fires twice does nothing.
 */
@Processor(QUEUES.CONTRACTS)
export class CustodyProcessor extends WorkerHost {
  constructor(private readonly custody: CustodyJobs) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    if (!this.custody.handles(job.name)) throw new Error(`Unknown job ${job.name} on queue ${QUEUES.CONTRACTS}`);
    const outcome = await this.custody.handle(job.name, job.data);
    if ('dueInMs' in outcome) {
      await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
      throw new DelayedError();
    }
    return outcome.result;
  }
}
