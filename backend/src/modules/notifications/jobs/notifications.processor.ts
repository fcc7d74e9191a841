import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';

import { QUEUES } from '../../../platform/queue';
import { DELIVERY_JOB, DeliveryPayload } from './delivery-deadline';
import { DeliveryJob } from './delivery.job';

export const NOTIFICATION_SENDS_AT_ONCE = 4;

/**
 * Worker-side consumer of the notifications queue: one job per delivery and round. Sending waits on the network, not
 * the CPU or the database: a few at once per worker (each delivery is claimed by one of them only).
 */
@Processor(QUEUES.NOTIFICATIONS, { concurrency: NOTIFICATION_SENDS_AT_ONCE })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly delivery: DeliveryJob) {
    super();
  }

  async process(job: Job, token?: string): Promise<string> {
    if (job.name !== DELIVERY_JOB) throw new Error(`Unknown job ${job.name} on queue ${QUEUES.NOTIFICATIONS}`);
    const outcome = await this.delivery.handle(job.data as DeliveryPayload);
    switch (outcome.result) {
      case 'NOT_DUE':
        // An attempt of another job is under way: come back when its lease ends, to settle it if it never finished.
        await job.moveToDelayed(Date.now() + outcome.dueInMs, token);
        throw new DelayedError();
      case 'ATTEMPT_FAILED':
        // The queue retries a thrown job with exponential backoff; after the round's last attempt it must not.
        if (outcome.final) throw new UnrecoverableError(outcome.error);
        throw new Error(outcome.error);
      case 'SENT':
      case 'INTERRUPTED':
      case 'NOTHING_TO_DO':
        return outcome.result;
    }
  }
}
