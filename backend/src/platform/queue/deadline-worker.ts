import { Processor, Worker, WorkerOptions } from 'bullmq';

/**
 * How quickly a job is taken over after its worker died without finishing it (kill -9, OOM, power).
 * BullMQ holds a lock per active job, renewed every lockDuration / 2 by the live worker; a job whose
 * lock has expired is found by the stalled check of any worker and put back in the queue. BullMQ's
 * defaults (30 s lock, check every 30 s) let a bid opening interrupted by a crash wait up to a minute;
 * with these it is resumed within ~15 s. Handlers are idempotent, so a lock lost under load (event
 * loop blocked > 5 s) at worst runs a job twice, which changes nothing.
 */
export const DEADLINE_WORKER_OPTIONS = {
  lockDuration: 10_000,
  stalledInterval: 5_000,
  // One crash mid-job is retried; a job that brings its worker down twice is failed (and the reconciler re-adds it
  // at its next pass), so that one poison job cannot crash-loop every worker.
  maxStalledCount: 1,
} as const satisfies Partial<WorkerOptions>;

/**
 * The worker class every `@Processor` gets (set as `BullModule.workerClass` in queue.module.ts): BullMQ's
 * Worker with {@link DEADLINE_WORKER_OPTIONS} as defaults, which a processor's own options still override.
 */
export class DeadlineWorker extends Worker {
  constructor(name: string, processor: string | URL | null | Processor | undefined, opts: WorkerOptions) {
    super(name, processor, { ...DEADLINE_WORKER_OPTIONS, ...opts });
  }
}
