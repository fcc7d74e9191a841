import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor, hasPermission, PERMISSIONS } from '../../../platform/access';
import { DeskItem, DeskProvider, DeskRegistry } from '../../../platform/desk';
import { recipientScope } from './deliveries.service';

/**
 * Notifications' part of the desk: for administrators, the e-mail and SMS deliveries that failed for users of their
 * subtree (count, since the oldest failure), leading to 投递失败 where they are retried.
 */
@Injectable()
export class NotificationsDeskProvider implements DeskProvider, OnModuleInit {
  readonly area = 'notifications';

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DeskRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async items(actor: Actor): Promise<DeskItem[]> {
    if (!hasPermission(actor.roles, PERMISSIONS.DELIVERIES_MANAGE)) return [];
    const scope = recipientScope(actor);
    // idx_notification_deliveries_status: the FAILED range only.
    const rows = (await this.dataSource.query(
      `SELECT d.channel, COUNT(*) AS n, MIN(d.failed_at) AS since
         FROM notification_deliveries d JOIN users u ON u.id = d.user_id
        WHERE d.status = 'FAILED' AND ${scope.sql}
        GROUP BY d.channel`,
      scope.params,
    )) as Array<{ channel: string; n: string; since: Date | null }>;
    const count = rows.reduce((s, r) => s + Number(r.n), 0);
    if (count === 0) return [];
    const since = rows
      .map((r) => r.since)
      .filter((d): d is Date => d !== null)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const by = (c: string) => Number(rows.find((r) => r.channel === c)?.n ?? 0);
    return [
      {
        kind: 'notifications.deliveries_failed',
        count,
        ref: null,
        title: null,
        dueAt: null,
        dueRule: null,
        since: since?.toISOString() ?? null,
        route: '/admin/deliveries',
        params: { email: by('EMAIL'), sms: by('SMS') },
      },
    ];
  }
}
