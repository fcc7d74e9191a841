import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { inTransaction } from '../../../platform/database/transaction';
import { isLocale, Locale, readerLocale } from '../../../platform/i18n/locale';
import { AuditService } from '../../audit';
import { PreferencesDto, UpdatePreferencesDto } from '../dto/preferences.dto';
import { UserEntity } from '../entities/user.entity';

/**
 * A user's preferences: today the language server texts are rendered in. Other contexts ask it for
 * the reader's language when they render an inbox or a timeline (through identity's index.ts).
 */
@Injectable()
export class UserPreferences {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async localeOf(userId: number, em: EntityManager = this.dataSource.manager): Promise<Locale | null> {
    const rows = (await em.query('SELECT locale FROM users WHERE id = ?', [userId])) as Array<{
      locale: string | null;
    }>;
    const value = rows[0]?.locale;
    return isLocale(value) ? value : null;
  }

  /** The language to write for this reader: their choice, else their browser's, else zh-CN. */
  async readerLocale(actor: Actor, acceptLanguage: string | undefined): Promise<Locale> {
    return readerLocale(actor.userId > 0 ? await this.localeOf(actor.userId) : null, acceptLanguage);
  }

  async get(actor: Actor): Promise<PreferencesDto> {
    return { locale: await this.localeOf(actor.userId) };
  }

  /** Saves the choice (an audit event when it changes; the same choice again changes nothing). */
  async update(actor: Actor, dto: UpdatePreferencesDto): Promise<PreferencesDto> {
    await inTransaction(this.dataSource, async (em) => {
      const user = await em.findOne(UserEntity, { where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (user === null || user.locale === dto.locale) return;
      await em.update(UserEntity, { id: user.id }, { locale: dto.locale });
      await this.audit.record(em, actor, {
        action: 'identity.user.preferences_changed',
        entityType: 'user',
        entityId: user.id,
        regionPath: user.regionPath,
        before: { locale: user.locale },
        after: { locale: dto.locale },
      });
    });
    return this.get(actor);
  }
}
