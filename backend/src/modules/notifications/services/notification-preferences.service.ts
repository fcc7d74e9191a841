import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { UserPreferences } from '../../identity';
import { formatMuted, parseMuted, TOPICS } from '../domain/delivery-rules';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from '../dto/preferences.dto';
import { NotificationPreferencesEntity } from '../entities/delivery.entity';
import { DeliveryOutbox } from './delivery-outbox.service';

/** 通知设置: which channels beside the inbox a user wants, and the addresses they go to (read from identity). */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: DeliveryOutbox,
    private readonly users: UserPreferences,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<NotificationPreferencesDto> {
    const em = this.dataSource.manager;
    const prefs = (await this.outbox.preferencesOf(em, [actor.userId])).get(actor.userId);
    const [contact] = await this.users.contactsOf(em, [actor.userId]);
    return {
      emailEnabled: prefs?.emailEnabled ?? true,
      smsEnabled: prefs?.smsEnabled ?? false,
      muted: prefs?.muted ?? [],
      email: contact?.email ?? null,
      phone: contact?.phone ?? null,
      inbox: true,
      topics: [...TOPICS],
    };
  }

  /** Saves the whole choice (PUT); audited when it changes, the same choice again changes nothing. */
  async update(actor: Actor, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    await inTransaction(this.dataSource, async (em) => {
      const row = await em.findOne(NotificationPreferencesEntity, {
        where: { userId: actor.userId },
        lock: { mode: 'pessimistic_write' },
      });
      const before = row
        ? { emailEnabled: row.emailEnabled, smsEnabled: row.smsEnabled, muted: parseMuted(row.muted) }
        : null;
      const after = {
        emailEnabled: dto.emailEnabled,
        smsEnabled: dto.smsEnabled,
        muted: parseMuted(formatMuted(dto.muted)),
      };
      if (before && JSON.stringify(before) === JSON.stringify(after)) return;
      const now = await dbNow(em);
      // An upsert: two first saves at once (two tabs) both land, the later one wins.
      await em.query(
        `INSERT INTO notification_preferences (user_id, email_enabled, sms_enabled, muted, updated_at) VALUES (?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE email_enabled = VALUES(email_enabled), sms_enabled = VALUES(sms_enabled),
                                 muted = VALUES(muted), updated_at = VALUES(updated_at)`,
        [actor.userId, after.emailEnabled ? 1 : 0, after.smsEnabled ? 1 : 0, formatMuted(after.muted), now],
      );
      await this.audit.record(em, actor, {
        action: 'notifications.preferences_changed',
        entityType: 'user',
        entityId: actor.userId,
        regionPath: actor.regionPath,
        before,
        after,
      });
    });
    return this.get(actor);
  }
}
