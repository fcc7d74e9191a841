import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { ContractJobs } from '../services/contract-jobs';

/**
 * The ONE consumer of the contracts queue (BullMQ gives any job of a queue to any of its workers, so the queue has
 * one processor): it dispatches by job name through the ContractJobs registry, where the contract's clocks
 * (signature, publication), the milestone clocks, the payment due dates and the custody refunds are registered
 * (ContractsModule.onModuleInit). Each handler only asks the database whether its transition is due: a job that
 * fires early is delayed again, one that fires twice does nothing.
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
