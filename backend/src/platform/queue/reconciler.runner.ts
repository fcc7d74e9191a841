import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

import { Env } from '../../config/env';
import { Deadlines } from './deadlines.service';

/**
 * Worker-only: runs the reconciler at start-up and then every RECONCILE_INTERVAL_SECONDS.
 * The timer only repeats a safety net; every deadline itself lives in the database.
 */
@Injectable()
export class ReconcilerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReconcilerRunner.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly deadlines: Deadlines,
    private readonly env: Env,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.env.RECONCILE_INTERVAL_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.deadlines.reconcile().catch((err: unknown) => this.logger.error({ err }, 'reconcile failed'));
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }
}
