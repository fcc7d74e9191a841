import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { EvaluationJobs } from '../services/evaluation-jobs';

/**
 * The ONE consumer of the evaluation queue: it dispatches by job name through the EvaluationJobs registry. Each
 * handler only asks the database whether its transition is due: a job that fires early is delayed again, one
 * that fires twice does nothing.
 */
@Processor(QUEUES.EVALUATION)
export class EvaluationProcessor extends WorkerHost {
  constructor(private readonly jobs: EvaluationJobs) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    const handler = this.jobs.handler(job.name);
    if (!handler) throw new Error(`Unknown job ${job.name} on queue ${QUEUES.EVALUATION}`);
    const outcome = await handler(job.data);
    if ('dueInMs' in outcome) {
      await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
      throw new DelayedError();
    }
    return outcome.result;
  }
}
