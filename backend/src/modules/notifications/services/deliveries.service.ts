import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor, regionScopeSql } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { Page, pageOf } from '../../../platform/http/pagination';
import { Locale, parseParams, renderMessage } from '../../../platform/i18n';
import { AuditService } from '../../audit';
import { UserPreferences } from '../../identity';
import { Channel, DeliveryStatus } from '../domain/delivery-rules';
import { NotificationsError, NotificationsErrorCode } from '../domain/notifications.errors';
import { DeliveriesQuery, DeliveryDto } from '../dto/deliveries.dto';
import { deliveryDeadline } from '../jobs/delivery-deadline';
import { DeliveryOutbox } from './delivery-outbox.service';

/** At most this many failed deliveries are put back by one "retry all" (the page says how many remain). */
export const RETRY_ALL_LIMIT = 500;

interface Row {
  id: string;
  notification_id: string;
  channel: Channel;
  address: string;
  user_id: number;
  username: string;
  display_name: string;
  kind: string;
  template: string | null;
  params: string | null;
  title: string | null;
  status: DeliveryStatus;
  attempts: number;
  round: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
  next_attempt_at: Date;
  region_path: string | null;
}

/** As for the users list: an actor at a root of the region tree also sees users without a region. */
function isRootScope(actor: Actor): boolean {
  return actor.regionPath !== null && actor.regionPath.split('/').filter(Boolean).length === 1;
}

/** The recipients an administrator answers for: users of their region subtree (as `GET /users` lists them). */
export function recipientScope(actor: Actor, column = 'u.region_path'): { sql: string; params: unknown[] } {
  const scope = regionScopeSql(actor, column);
  const sql = scope.sql.replace(':scopePrefix', '?');
  const params = Object.values(scope.params);
  return isRootScope(actor) ? { sql: `(${sql} OR ${column} IS NULL)`, params } : { sql: `(${sql})`, params };
}

const SELECT = `SELECT d.id, d.notification_id, d.channel, d.address, d.user_id, u.username, u.display_name,
                       n.kind, n.template, n.params, n.title, d.status, d.attempts, d.round, d.last_error,
                       d.created_at, d.sent_at, d.failed_at, d.next_attempt_at, u.region_path
                  FROM notification_deliveries d
                  JOIN notifications n ON n.id = d.notification_id
                  JOIN users u ON u.id = d.user_id`;

/** 投递失败: administrators list the deliveries of the users they manage and retry the failed ones (audited). */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: DeliveryOutbox,
    private readonly audit: AuditService,
    private readonly preferences: UserPreferences,
  ) {}

  async list(actor: Actor, q: DeliveriesQuery, acceptLanguage?: string): Promise<Page<DeliveryDto>> {
    const scope = recipientScope(actor);
    const where = ['d.status = ?', scope.sql];
    const params: unknown[] = [q.status ?? 'FAILED', ...scope.params];
    if (q.channel) {
      where.push('d.channel = ?');
      params.push(q.channel);
    }
    const [{ n }] = (await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM notification_deliveries d JOIN users u ON u.id = d.user_id WHERE ${where.join(' AND ')}`,
      params,
    )) as Array<{ n: string }>;
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.id DESC LIMIT ? OFFSET ?`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    )) as Row[];
    const locale = await this.preferences.readerLocale(actor, acceptLanguage);
    return pageOf(
      rows.map((r) => this.dto(r, locale)),
      Number(n),
      q,
    );
  }

  /** One FAILED delivery back to PENDING for a new round of attempts; 409 unless FAILED, 404 outside the subtree. */
  async retry(actor: Actor, id: string, acceptLanguage?: string): Promise<DeliveryDto> {
    await inTransaction(this.dataSource, async (em) => {
      const scope = recipientScope(actor);
      const [row] = (await em.query(
        `SELECT d.id, d.status, d.round, u.region_path FROM notification_deliveries d JOIN users u ON u.id = d.user_id
          WHERE d.id = ? AND ${scope.sql} FOR UPDATE`,
        [id, ...scope.params],
      )) as Array<{ id: string; status: DeliveryStatus; round: number; region_path: string | null }>;
      if (row === undefined)
        throw new NotificationsError(NotificationsErrorCode.DELIVERY_NOT_FOUND, `Delivery ${id} not found.`);
      if (row.status !== 'FAILED')
        throw new NotificationsError(
          NotificationsErrorCode.DELIVERY_ILLEGAL_TRANSITION,
          `Only a failed delivery is retried; this one is ${row.status}.`,
          { deliveryStatus: row.status },
        );
      await this.restart(em, actor, [row]);
    });
    const [r] = (await this.dataSource.query(`${SELECT} WHERE d.id = ?`, [id])) as Row[];
    return this.dto(r, await this.preferences.readerLocale(actor, acceptLanguage));
  }

  /** Every FAILED delivery of the subtree (at most RETRY_ALL_LIMIT, oldest first), optionally of one channel. */
  async retryFailed(actor: Actor, channel?: Channel): Promise<{ retried: number }> {
    return inTransaction(this.dataSource, async (em) => {
      const scope = recipientScope(actor);
      const rows = (await em.query(
        `SELECT d.id, d.status, d.round, u.region_path FROM notification_deliveries d JOIN users u ON u.id = d.user_id
          WHERE d.status = 'FAILED' AND ${scope.sql} ${channel ? 'AND d.channel = ?' : ''}
          ORDER BY d.id LIMIT ${RETRY_ALL_LIMIT} FOR UPDATE`,
        [...scope.params, ...(channel ? [channel] : [])],
      )) as Array<{ id: string; status: DeliveryStatus; round: number; region_path: string | null }>;
      await this.restart(em, actor, rows);
      return { retried: rows.length };
    });
  }

  /** FAILED → PENDING in a new round (its own job id and a full set of attempts); one audit event per delivery. */
  private async restart(
    em: EntityManager,
    actor: Actor,
    rows: Array<{ id: string; round: number; region_path: string | null }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    const now = await dbNow(em);
    await em.query(
      `UPDATE notification_deliveries
          SET status = 'PENDING', round = round + 1, round_attempts = 0, next_attempt_at = ?, claimed_at = NULL,
              failed_at = NULL, updated_at = ?
        WHERE id IN (${rows.map(() => '?').join(',')}) AND status = 'FAILED'`,
      [now, now, ...rows.map((r) => r.id)],
    );
    await this.audit.recordMany(
      em,
      rows.map((r) => ({
        actor,
        input: {
          action: 'notifications.delivery.retried',
          entityType: 'notification_delivery',
          entityId: r.id,
          regionPath: r.region_path,
          before: { status: 'FAILED', round: r.round },
          after: { status: 'PENDING', round: r.round + 1 },
        },
      })),
    );
    this.outbox.queueJobs(
      em,
      rows.map((r) => deliveryDeadline(String(r.id), r.round + 1, now, this.outbox.retryPolicy(0))),
    );
  }

  private dto(r: Row, locale: Locale): DeliveryDto {
    const title =
      r.template === null ? (r.title ?? '') : renderMessage(r.template, parseParams(r.params), locale).title;
    return {
      id: String(r.id),
      notificationId: String(r.notification_id),
      channel: r.channel,
      address: r.address,
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      kind: r.kind,
      title,
      status: r.status,
      attempts: r.attempts,
      round: r.round,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      failedAt: r.failed_at?.toISOString() ?? null,
      nextAttemptAt: r.next_attempt_at.toISOString(),
    };
  }
}
