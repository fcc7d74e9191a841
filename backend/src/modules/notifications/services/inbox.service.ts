import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';

import { Actor } from '../../../platform/access';
import { NotFoundError } from '../../../platform/http/domain-error';
import { InboxPageDto, InboxQuery, NotificationDto } from '../dto/inbox.dto';
import { NotificationEntity } from '../entities/notification.entity';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  needId?: number | null;
}

function dto(n: NotificationEntity): NotificationDto {
  return {
    id: String(n.id),
    kind: n.kind,
    title: n.title,
    body: n.body,
    needId: n.needId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

/** The in-app inbox. Messages are written inside the transaction of the change they tell about. */
@Injectable()
export class InboxService {
  constructor(private readonly dataSource: DataSource) {}

  async notify(em: EntityManager, userIds: number[], message: NotificationInput, now: Date): Promise<number> {
    const unique = [...new Set(userIds)].filter((id) => id > 0);
    if (unique.length === 0) return 0;
    await em.insert(
      NotificationEntity,
      unique.map((userId) => ({
        userId,
        kind: message.kind,
        title: message.title.slice(0, 200),
        body: message.body,
        needId: message.needId ?? null,
        createdAt: now,
        readAt: null,
      })),
    );
    return unique.length;
  }

  async list(actor: Actor, q: InboxQuery): Promise<InboxPageDto> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const [rows, total] = await repo.findAndCount({
      where: { userId: actor.userId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const unread = await repo.countBy({ userId: actor.userId, readAt: IsNull() });
    return { items: rows.map(dto), total, page: q.page, pageSize: q.pageSize, unread };
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
