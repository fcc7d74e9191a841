import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

import { Env } from '../../config/env';
import { Deadlines } from './deadlines.service';
import { redisConnection } from './queue.module';

/** How often each worker checks that Redis still holds this deployment's keys. */
export const MARKER_CHECK_MS = 1_000;

/**
 * A key the reconciler writes under the queue prefix before each pass. Its absence means that Redis lost this
 * deployment's data since (FLUSHALL, a restart without persistence, eviction) and with it every delayed job.
 */
export function reconcilerMarkerKey(prefix: string): string {
  return `${prefix}:reconciler:marker`;
}

/** The client name of the watching connection (CLIENT LIST), so an operator or a test can tell it apart. */
export function reconcilerConnectionName(prefix: string): string {
  return `${prefix}:reconciler`;
}

export type ReconcileReason = 'start-up' | 'periodic' | 'redis data lost' | 'redis reconnected';

/**
 * Worker-only: rebuilds the deadline jobs from the database — at start-up, every RECONCILE_INTERVAL_SECONDS, and at
 * once when Redis has lost its data. Loss is detected two ways: the marker key is missing (checked every second),
 * or the watching connection came back after a disconnect (Redis restarted, possibly empty). Deadlines that fell due
 * meanwhile are then re-added with no delay and fire within seconds instead of at the next periodic pass.
 *
 * One pass at a time per process; a request during a pass runs one more pass after it (a loss in the middle of a
 * pass may have wiped jobs it had already restored). Every deadline itself lives in the database: the timers only
 * decide how soon a lost job comes back.
 */
@Injectable()
export class ReconcilerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcilerRunner.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private redis: Redis | undefined;
  private running: Promise<void> | undefined;
  private pending: ReconcileReason | undefined;
  private checking = false;
  private connectedOnce = false;
  private lastRedisError = 0;
  private shuttingDown = false;
  /** Completed passes by reason (diagnostics and tests). */
  readonly passes: Record<ReconcileReason, number> = {
    'start-up': 0,
    periodic: 0,
    'redis data lost': 0,
    'redis reconnected': 0,
  };

  constructor(
    private readonly deadlines: Deadlines,
    private readonly env: Env,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.redis = new Redis({
      ...redisConnection(this.env),
      connectionName: reconcilerConnectionName(this.env.QUEUE_PREFIX),
      // A check while Redis is away fails at once instead of queueing; the reconnect triggers the pass.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    this.redis.on('error', (err: Error) => {
      if (Date.now() - this.lastRedisError < 30_000) return; // once per 30 s while Redis stays away
      this.lastRedisError = Date.now();
      this.logger.warn({ err: err.message }, 'reconciler: Redis unreachable');
    });
    this.redis.on('ready', () => {
      if (this.connectedOnce && !this.shuttingDown) {
        this.logger.warn('reconciler: Redis connection is back; rebuilding the deadline jobs now');
        void this.request('redis reconnected');
      }
      this.connectedOnce = true;
    });
    await this.redis.connect().catch(() => undefined); // ioredis keeps retrying; 'ready' will follow
    await this.request('start-up');
    this.timers.push(
      setInterval(() => void this.request('periodic'), this.env.RECONCILE_INTERVAL_SECONDS * 1000),
      setInterval(() => void this.checkMarker(), MARKER_CHECK_MS),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const t of this.timers) clearInterval(t);
    await this.running;
    this.redis?.disconnect();
  }

  /** Runs a pass now, or right after the one in progress. Resolves when no pass is left to run. */
  request(reason: ReconcileReason): Promise<void> {
    if (this.shuttingDown) return Promise.resolve();
    if (reason !== 'periodic') {
      if (this.pending === undefined || this.pending === 'periodic') this.pending = reason;
    } else if (!this.running && this.pending === undefined) {
      // The periodic pass is only a safety net: one already running or queued covers it.
      this.pending = 'periodic';
    }
    if (!this.running && this.pending !== undefined) this.running = this.drain();
    return this.running ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending !== undefined && !this.shuttingDown) {
        const reason = this.pending;
        this.pending = undefined;
        try {
          await this.pass(reason);
        } catch (err) {
          this.logger.error({ err, reason }, 'reconcile failed');
        }
      }
    } finally {
      // Cleared in the same tick as the last check of `pending`: a request arriving later starts a new drain.
      this.running = undefined;
    }
  }

  private async pass(reason: ReconcileReason): Promise<void> {
    // Marker first: if Redis loses its data during the pass, the marker goes too and the next check runs another.
    await this.redis
      ?.set(reconcilerMarkerKey(this.env.QUEUE_PREFIX), JSON.stringify({ pid: process.pid, at: new Date() }))
      .catch(() => undefined); // Redis away: the reconnect will trigger a pass
    const report = await this.deadlines.reconcile();
    this.passes[reason]++;
    if (reason !== 'periodic' && reason !== 'start-up')
      this.logger.warn({ reason, report }, 'reconciler: deadline jobs rebuilt after Redis lost them');
  }

  private async checkMarker(): Promise<void> {
    if (this.checking || this.running || this.shuttingDown || this.redis?.status !== 'ready') return;
    this.checking = true;
    try {
      if ((await this.redis.exists(reconcilerMarkerKey(this.env.QUEUE_PREFIX))) === 0) {
        this.logger.warn(
          { key: reconcilerMarkerKey(this.env.QUEUE_PREFIX) },
          'reconciler: Redis lost this deployment’s keys (marker missing); rebuilding the deadline jobs now',
        );
        void this.request('redis data lost');
      }
    } catch {
      // Redis went away between the status check and the command: the reconnect will trigger a pass.
    } finally {
      this.checking = false;
    }
  }
}
