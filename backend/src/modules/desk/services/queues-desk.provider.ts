import { Injectable, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Actor, hasPermission, PERMISSIONS } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';
import { Deadlines } from '../../../platform/queue';

/** A job that should have started this long ago and has not is stuck: no worker is taking it. */
export const STUCK_AFTER_MS = 60_000;
/** How many of the oldest waiting and earliest delayed jobs are looked at (the count says "at least"). */
const STUCK_SAMPLE = 50;

interface QueueState {
  name: string;
  failed: number;
  waiting: number;
  delayed: number;
  active: number;
  /** Jobs due more than {@link STUCK_AFTER_MS} ago and not started, among the first STUCK_SAMPLE of each list. */
  stuck: number;
  oldestStuckAt: number | null;
}

/**
 * The administrator's queues on the desk: per queue, failed jobs and jobs nobody takes (the oldest waiting
 * job, or the earliest delayed one, overdue by more than a minute — the worker is down or cannot keep up).
 * Read from the queues the contexts registered with `Deadlines` (the same as `GET /api/v1/queues`).
 * Job times are the API hosts' clocks (BullMQ stamps them), so they are compared with this host's clock.
 */
@Injectable()
export class QueuesDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'queues';

  constructor(
    private readonly deadlines: Deadlines,
    private readonly registry: DeskRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async items(actor: Actor): Promise<DeskItem[]> {
    if (!hasPermission(actor.roles, PERMISSIONS.QUEUES_READ)) return [];
    const states = await Promise.all(this.deadlines.registeredQueues().map((q) => this.state(q, Date.now())));
    return states
      .filter((s) => s.failed > 0 || s.stuck > 0)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => ({
        kind: 'queues.attention',
        count: s.failed + s.stuck,
        ref: { type: 'queue', id: s.name },
        title: s.name,
        dueAt: null,
        dueRule: null,
        since: s.oldestStuckAt === null ? null : new Date(s.oldestStuckAt).toISOString(),
        route: null,
        params: {
          queue: s.name,
          failed: s.failed,
          stuck: s.stuck,
          waiting: s.waiting,
          delayed: s.delayed,
          active: s.active,
        },
      }));
  }

  private async state(q: Queue, now: number): Promise<QueueState> {
    const counts = await q.getJobCounts('failed', 'waiting', 'delayed', 'active');
    // the oldest waiting and the earliest delayed jobs (both lists read in order, a bounded page of each)
    const [waiting, delayed] = await Promise.all([
      counts.waiting > 0 ? q.getJobs(['wait'], 0, STUCK_SAMPLE - 1, true) : Promise.resolve([]),
      counts.delayed > 0 ? q.getJobs(['delayed'], 0, STUCK_SAMPLE - 1, true) : Promise.resolve([]),
    ]);
    const overdue = [...waiting, ...delayed]
      .filter((job) => job !== undefined && job !== null)
      .map((job) => job.timestamp + (job.delay ?? 0))
      .filter((due) => now - due > STUCK_AFTER_MS);
    return {
      name: q.name,
      failed: counts.failed ?? 0,
      waiting: counts.waiting ?? 0,
      delayed: counts.delayed ?? 0,
      active: counts.active ?? 0,
      stuck: overdue.length,
      oldestStuckAt: overdue.length > 0 ? Math.min(...overdue) : null,
    };
  }
}
