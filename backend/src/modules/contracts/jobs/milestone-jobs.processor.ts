import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { isMilestoneJob, MilestoneClocks, MilestoneJobPayload } from './milestone-clocks';

/**
 * Worker-side consumer of the contracts queue for the `milestone.*` jobs. When the queue's other clocks (signature,
 * publication, payment) get their own handlers, ONE processor of the queue dispatches by job name to each handler's
 * `handle(jobName, payload)`; a job that fires early is delayed again, one that fires twice does nothing.
 */
@Processor(QUEUES.CONTRACTS)
export class MilestoneJobsProcessor extends WorkerHost {
  constructor(private readonly milestones: MilestoneClocks) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    if (!isMilestoneJob(job.name)) throw new Error(`Unknown job ${job.name} on queue ${QUEUES.CONTRACTS}`);
    const outcome = await this.milestones.handle(job.name, job.data as MilestoneJobPayload);
    if ('dueInMs' in outcome) {
      await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
      throw new DelayedError();
    }
    return outcome.result;
  }
}
