import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Env } from '../../../config/env';
import { DeadlineSource, QUEUES } from '../../../platform/queue';
import { AuditCheckpoints, CheckpointOutcome } from '../services/checkpoint.service';

export const AUDIT_CHECKPOINT_JOB = 'audit-checkpoint';
/** One scheduler per deployment (deterministic id): upserting it again never adds a second one. */
export const AUDIT_CHECKPOINT_SCHEDULER = 'audit-checkpoint';

export type AuditCheckpointPayload = Record<string, never>;

/**
 * Anchors the chain head every AUDIT_CHECKPOINT_INTERVAL_SECONDS: a BullMQ job scheduler (repeatable job) in the
 * worker. The job is idempotent (a head already anchored gives no new checkpoint), and the scheduler is rebuilt by
 * the reconciler after Redis lost it: the database holds the checkpoints, Redis only the timer.
 */
@Injectable()
export class AuditCheckpointJob {
  private readonly logger = new Logger(AuditCheckpointJob.name);

  constructor(
    private readonly checkpoints: AuditCheckpoints,
    private readonly env: Env,
    @InjectQueue(QUEUES.AUDIT) private readonly queue: Queue,
  ) {}

  async handle(): Promise<CheckpointOutcome['result']> {
    return (await this.checkpoints.take()).result;
  }

  /** Creates (or re-creates, after Redis loss or a changed interval) the repeatable job. Returns true if it did. */
  async ensureScheduled(): Promise<boolean> {
    const every = this.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS * 1000;
    const existing = await this.queue.getJobScheduler(AUDIT_CHECKPOINT_SCHEDULER);
    if (existing && Number(existing.every) === every) return false;
    await this.queue.upsertJobScheduler(
      AUDIT_CHECKPOINT_SCHEDULER,
      { every },
      {
        name: AUDIT_CHECKPOINT_JOB,
        data: {},
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 100, removeOnFail: 500 },
      },
    );
    this.logger.log({ every }, existing ? 'audit checkpoint schedule changed' : 'audit checkpoint schedule created');
    return true;
  }

  /** For the reconciler: no deadline of its own, but the schedule must exist whenever the reconciler runs. */
  source(): DeadlineSource {
    return {
      kind: AUDIT_CHECKPOINT_JOB,
      pending: async () => {
        await this.ensureScheduled();
        return [];
      },
    };
  }
}
