import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { isLocale, Locale, readerLocale } from '../../../platform/i18n/locale';
import { AuditService } from '../../audit';
import { PreferencesDto, UpdatePreferencesDto } from '../dto/preferences.dto';
import { ContactDto, UpdateContactDto } from '../dto/user.dto';
import { UserEntity } from '../entities/user.entity';

/** Where and how a user can be told something outside the app (the notifications context's deliveries). */
export interface UserContact {
  userId: number;
  email: string | null;
  phone: string | null;
  /** Their saved language, or null (then zh-CN: no browser to ask). */
  locale: Locale | null;
  /** Disabled accounts are told nothing outside the app. */
  active: boolean;
}

/**
 * A user's preferences: the language server texts are rendered in, and the addresses notifications go to. Other
 * contexts ask it for the reader's language when they render an inbox or a timeline, and for the recipients'
 * addresses when an inbox message is also sent by e-mail or SMS (through identity's index.ts).
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

  /** The addresses and language of these users, inside the caller's transaction (a plain read, no lock). */
  async contactsOf(em: EntityManager, userIds: readonly number[]): Promise<UserContact[]> {
    if (userIds.length === 0) return [];
    const rows = (await em.query(
      `SELECT id, email, phone, locale, status FROM users WHERE id IN (${userIds.map(() => '?').join(',')})`,
      [...userIds],
    )) as Array<{ id: number; email: string | null; phone: string | null; locale: string | null; status: string }>;
    return rows.map((r) => ({
      userId: r.id,
      email: r.email,
      phone: r.phone,
      locale: isLocale(r.locale) ? r.locale : null,
      active: r.status === 'ACTIVE',
    }));
  }

  /** My addresses (the profile page). */
  async contact(actor: Actor): Promise<ContactDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.userId });
    return { email: user.email, phone: user.phone };
  }

  /** Changes my own e-mail address and phone (null clears one); audited when something changes. */
  async updateContact(actor: Actor, dto: UpdateContactDto): Promise<ContactDto> {
    await inTransaction(this.dataSource, async (em) => {
      const user = await em.findOne(UserEntity, { where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (user === null) return;
      const next = {
        email: dto.email === undefined ? user.email : dto.email,
        phone: dto.phone === undefined ? user.phone : dto.phone,
      };
      if (next.email === user.email && next.phone === user.phone) return;
      await em.update(UserEntity, { id: user.id }, { ...next, updatedAt: await dbNow(em) });
      await this.audit.record(em, actor, {
        action: 'identity.user.contact_changed',
        entityType: 'user',
        entityId: user.id,
        regionPath: user.regionPath,
        before: { email: user.email, phone: user.phone },
        after: next,
      });
    });
    return this.contact(actor);
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
