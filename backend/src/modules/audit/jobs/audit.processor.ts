import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { AUDIT_CHECKPOINT_JOB, AuditCheckpointJob } from './audit-checkpoint.job';

/** Worker-side consumer of the audit queue. */
@Processor(QUEUES.AUDIT)
export class AuditProcessor extends WorkerHost {
  constructor(private readonly checkpoint: AuditCheckpointJob) {
    super();
  }

  async process(job: Job): Promise<string> {
    switch (job.name) {
      case AUDIT_CHECKPOINT_JOB:
        return this.checkpoint.handle();
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QUEUES.AUDIT}`);
    }
  }
}
