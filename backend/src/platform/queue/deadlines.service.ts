import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

import { dbNow } from '../database/db-clock';
import { DeadlineJob, DeadlineSource } from './deadline';

export interface ReconcileReport {
  checked: number;
  restored: number;
  bySource: Record<string, { checked: number; restored: number }>;
}

/** A request never waits longer than this for Redis: the reconciler restores what did not make it. */
const SCHEDULE_TIMEOUT_MS = 2000;

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms)),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * The deadlines core. Contexts register their queues and their {@link DeadlineSource}s; use cases
 * call {@link schedule} after commit; the worker calls {@link reconcile} at start-up, every
 * minute, and at once when it sees that Redis lost its data (see reconciler.runner.ts), to rebuild
 * whatever Redis lost. A job only triggers a transition: its handler re-reads
 * the database and decides with the database clock.
 */
@Injectable()
export class Deadlines {
  private readonly logger = new Logger(Deadlines.name);
  private readonly queues = new Map<string, Queue>();
  private readonly sources: DeadlineSource[] = [];

  constructor(private readonly dataSource: DataSource) {}

  registerQueue(queue: Queue): void {
    this.queues.set(queue.name, queue);
  }

  registerSource(source: DeadlineSource): void {
    if (!this.sources.some((s) => s.kind === source.kind)) this.sources.push(source);
  }

  queue(name: string): Queue {
    const q = this.queues.get(name);
    if (!q) throw new Error(`Queue ${name} is not registered`);
    return q;
  }

  registeredQueues(): Queue[] {
    return [...this.queues.values()];
  }

  /**
   * Adds the job (no-op if a job with the same id is already waiting or delayed). Never throws:
   * if Redis is unreachable the deadline stays in the database and the reconciler restores it.
   */
  async schedule(job: DeadlineJob, now?: Date): Promise<boolean> {
    try {
      const clock = now ?? (await dbNow(this.dataSource.manager));
      const delay = Math.max(0, job.runAt.getTime() - clock.getTime());
      await withTimeout(
        this.queue(job.queue).add(job.name, job.payload, {
          ...JOB_OPTIONS,
          ...(job.retry
            ? { attempts: job.retry.attempts, backoff: { type: 'exponential', delay: job.retry.backoffMs } }
            : {}),
          jobId: job.jobId,
          delay,
        }),
        SCHEDULE_TIMEOUT_MS,
      );
      return true;
    } catch (err) {
      this.logger.warn({ err, jobId: job.jobId }, 'could not schedule deadline job; the reconciler will restore it');
      return false;
    }
  }

  /** Rebuilds every pending deadline's job from the database. Idempotent. */
  async reconcile(): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, restored: 0, bySource: {} };
    const dbStart = (await dbNow(this.dataSource.manager)).getTime();
    const localStart = Date.now();
    // The database clock, advanced by the time the pass has taken: a job restored late in a long pass (many
    // pending deadlines) must not fire late by that much.
    const now = () => new Date(dbStart + (Date.now() - localStart));
    for (const source of this.sources) {
      const pending = await source.pending();
      let restored = 0;
      for (const job of pending) {
        const q = this.queue(job.queue);
        const existing = await q.getJob(job.jobId);
        if (existing) {
          const state = await existing.getState();
          if (state !== 'completed' && state !== 'failed' && state !== 'unknown') continue;
          await existing.remove();
        }
        if (await this.schedule(job, now())) restored++;
      }
      report.bySource[source.kind] = { checked: pending.length, restored };
      report.checked += pending.length;
      report.restored += restored;
    }
    if (report.restored > 0) this.logger.log({ report }, 'reconciler restored deadline jobs');
    return report;
  }
}
