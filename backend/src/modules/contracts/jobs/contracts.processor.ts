import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { ContractJobs } from '../services/contract-jobs';

/**
 * The one worker-side consumer of the contracts queue. Each job asks the database (through its registered
 * handler) whether it is due; early → delayed again, twice → nothing.
 */
@Processor(QUEUES.CONTRACTS)
export class ContractsProcessor extends WorkerHost {
  constructor(private readonly jobs: ContractJobs) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    const handler = this.jobs.handler(job.name);
    if (!handler) throw new Error(`Unknown job ${job.name} on queue ${QUEUES.CONTRACTS}`);
    const outcome = await handler(job.data);
    if ('dueInMs' in outcome) {
      await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
      throw new DelayedError();
    }
    return outcome.result;
  }
}
