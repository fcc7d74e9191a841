import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';
import { orderDesk } from '../domain/desk-order';
import { DeskDto } from '../dto/desk.dto';

/** A provider that has not answered by then is left out (Redis down, a lock): the rest of the desk still shows. */
export const PROVIDER_TIMEOUT_MS = 3000;

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The desk (首页工作台): what waits for the caller, gathered from every context that registered a
 * {@link DeskProvider}. One database clock reading for all of them; each provider scopes its own items. A
 * provider that fails or is slow is named in `unavailable` instead of failing the page.
 */
@Injectable()
export class DeskService {
  private readonly logger = new Logger(DeskService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DeskRegistry,
  ) {}

  async desk(actor: Actor): Promise<DeskDto> {
    const now = await dbNow(this.dataSource.manager);
    const results = await Promise.all(this.registry.providers().map((p) => this.read(p, actor, now)));
    return {
      now: now.toISOString(),
      items: orderDesk(results.flatMap((r) => r.items)),
      unavailable: results.filter((r) => r.failed).map((r) => r.area),
    };
  }

  private async read(
    provider: DeskProvider,
    actor: Actor,
    now: Date,
  ): Promise<{ area: string; items: DeskItem[]; failed: boolean }> {
    try {
      return {
        area: provider.area,
        items: await withTimeout(provider.items(actor, now), PROVIDER_TIMEOUT_MS),
        failed: false,
      };
    } catch (err) {
      this.logger.warn({ err, area: provider.area, userId: actor.userId }, 'desk provider failed');
      return { area: provider.area, items: [], failed: true };
    }
  }
}
