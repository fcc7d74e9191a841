import { DeadlineJob, deadlineJobId, QUEUES } from '../../../platform/queue';

export const DELIVERY_JOB = 'notification-delivery';

export interface DeliveryPayload {
  deliveryId: string;
  /** The round the job was made for: a job of an earlier round (before an administrator's retry) does nothing. */
  round: number;
}

/**
 * One job per delivery and round (deterministic id), with the queue's own retries: `attempts` left in the round and
 * exponential backoff from NOTIFY_BACKOFF_MS.
 */
export function deliveryDeadline(
  deliveryId: string,
  round: number,
  runAt: Date,
  retry: { attempts: number; backoffMs: number },
): DeadlineJob<DeliveryPayload> {
  return {
    queue: QUEUES.NOTIFICATIONS,
    name: DELIVERY_JOB,
    jobId: deadlineJobId(DELIVERY_JOB, deliveryId, round),
    payload: { deliveryId: String(deliveryId), round },
    runAt,
    retry: { attempts: Math.max(1, retry.attempts), backoffMs: retry.backoffMs },
  };
}
