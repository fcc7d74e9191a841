import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';

import { Actor } from '../../../platform/access';
import { NotFoundError } from '../../../platform/http/domain-error';
import { Locale, messageLink, MessageParams, parseParams, renderMessage } from '../../../platform/i18n';
import { UserPreferences } from '../../identity';
import { InboxPageDto, InboxQuery, NotificationDto } from '../dto/inbox.dto';
import { NotificationEntity } from '../entities/notification.entity';
import { DeliveryOutbox } from './delivery-outbox.service';

/**
 * A message to write: a template of the catalogue (platform/i18n/messages) and its parameters —
 * instants as ISO strings, amounts as fen, codes as codes, what people typed as typed. Never a
 * sentence: it is written when read, in the reader's language.
 */
export interface NotificationInput {
  /** What the message is about, for filters and icons (`need.status_changed`, `tender.notice`…). */
  kind: string;
  template: string;
  params?: MessageParams;
  needId?: number | null;
}

function dto(n: NotificationEntity, locale: Locale): NotificationDto {
  // A row from before templates keeps the text it was written with.
  const params = parseParams(n.params);
  const text =
    n.template === null ? { title: n.title ?? '', body: n.body ?? '' } : renderMessage(n.template, params, locale);
  return {
    id: String(n.id),
    kind: n.kind,
    template: n.template,
    title: text.title,
    body: text.body,
    needId: n.needId,
    link: messageLink(params),
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

/**
 * The in-app inbox. Messages are written inside the transaction of the change they tell about, and with them their
 * e-mail and SMS deliveries (the outbox, see DeliveryOutbox).
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: UserPreferences,
    private readonly outbox: DeliveryOutbox,
  ) {}

  async notify(em: EntityManager, userIds: number[], message: NotificationInput, now: Date): Promise<number> {
    const unique = [...new Set(userIds)].filter((id) => id > 0);
    if (unique.length === 0) return 0;
    const params = JSON.stringify(message.params ?? {});
    const inserted = await em.insert(
      NotificationEntity,
      unique.map((userId) => ({
        userId,
        kind: message.kind,
        template: message.template,
        params,
        title: null,
        body: null,
        needId: message.needId ?? null,
        createdAt: now,
        readAt: null,
      })),
    );
    // The same message by e-mail and SMS, for those who asked: rows in this transaction, sent after it commits.
    await this.outbox.record(
      em,
      unique.map((userId, i) => ({
        notificationId: String((inserted.identifiers[i] as { id: string | number }).id),
        userId,
      })),
      message.kind,
      now,
    );
    return unique.length;
  }

  async list(actor: Actor, q: InboxQuery, acceptLanguage?: string): Promise<InboxPageDto> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const [rows, total] = await repo.findAndCount({
      where: { userId: actor.userId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const unread = await repo.countBy({ userId: actor.userId, readAt: IsNull() });
    const locale = await this.preferences.readerLocale(actor, acceptLanguage);
    return { items: rows.map((n) => dto(n, locale)), total, page: q.page, pageSize: q.pageSize, unread };
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    const res = (await this.dataSource.query(
      'UPDATE notifications SET read_at = COALESCE(read_at, UTC_TIMESTAMP(3)) WHERE id = ? AND user_id = ?',
      [id, actor.userId],
    )) as { affectedRows: number };
    if (res.affectedRows === 0) throw new NotFoundError('Message');
  }

  async markAllRead(actor: Actor): Promise<void> {
    await this.dataSource.query(
      'UPDATE notifications SET read_at = UTC_TIMESTAMP(3) WHERE user_id = ? AND read_at IS NULL',
      [actor.userId],
    );
  }
}
