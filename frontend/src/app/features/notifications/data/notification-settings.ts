import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TOPICS,
  type MutedPair,
  type NotificationChannel,
  type NotificationPreferences,
  type NotificationTopic,
  type UpdateContactRequest,
  type UpdateNotificationPreferences,
} from '../../../api';
import type { TranslationKey } from '../../../core/i18n/translation.service';
import { EMAIL_MAX, EMAIL_PATTERN, PHONE_PATTERN } from '../../../shared/validators';

/**
 * 通知设置 as a form: my addresses, the two channels beside the inbox, and per topic whether each channel is used.
 * The backend's rules (backend/src/modules/notifications/domain/delivery-rules.ts) decide; these functions only
 * turn the form into the two requests and say early what would not work.
 */
export interface NotificationSettingsValue {
  email: string;
  phone: string;
  emailEnabled: boolean;
  smsEnabled: boolean;
  /** `EMAIL:needs` → true while that topic comes by e-mail (unchecked: muted). */
  topics: Record<MutedPair, boolean>;
}

const pair = (channel: NotificationChannel, topic: NotificationTopic): MutedPair => `${channel}:${topic}`;

export function settingsFormValue(p: NotificationPreferences): NotificationSettingsValue {
  const topics = {} as Record<MutedPair, boolean>;
  for (const c of NOTIFICATION_CHANNELS)
    for (const t of NOTIFICATION_TOPICS) topics[pair(c, t)] = !p.muted.includes(pair(c, t));
  return {
    email: p.email ?? '',
    phone: p.phone ?? '',
    emailEnabled: p.emailEnabled,
    smsEnabled: p.smsEnabled,
    topics,
  };
}

/** The body of `PUT /me/notification-preferences`: the channels, and the unchecked topics as muted pairs. */
export function toPreferencesRequest(v: NotificationSettingsValue): UpdateNotificationPreferences {
  const muted: MutedPair[] = [];
  for (const c of NOTIFICATION_CHANNELS)
    for (const t of NOTIFICATION_TOPICS) if (v.topics[pair(c, t)] === false) muted.push(pair(c, t));
  return { emailEnabled: v.emailEnabled, smsEnabled: v.smsEnabled, muted };
}

/** The body of `PATCH /me/contact`: only the addresses that changed (a cleared one as null); null when none did. */
export function toContactRequest(
  v: NotificationSettingsValue,
  before: NotificationPreferences,
): UpdateContactRequest | null {
  const body: UpdateContactRequest = {};
  const email = v.email.trim() || null;
  const phone = v.phone.trim() || null;
  if (email !== (before.email ?? null)) body.email = email;
  if (phone !== (before.phone ?? null)) body.phone = phone;
  return Object.keys(body).length === 0 ? null : body;
}

/** What keeps the form from being saved (wrong addresses), as keys of texts to show. */
export function settingsProblems(v: NotificationSettingsValue): TranslationKey[] {
  const out: TranslationKey[] = [];
  const email = v.email.trim();
  const phone = v.phone.trim();
  if (email && (!EMAIL_PATTERN.test(email) || email.length > EMAIL_MAX)) out.push('notifySettings.problem.email');
  if (phone && !PHONE_PATTERN.test(phone)) out.push('notifySettings.problem.phone');
  return out;
}

/** A channel that is on without its address sends nothing: said beside the switch, saving is still allowed. */
export function settingsWarnings(v: NotificationSettingsValue): TranslationKey[] {
  const out: TranslationKey[] = [];
  if (v.emailEnabled && !v.email.trim()) out.push('notifySettings.warning.noEmail');
  if (v.smsEnabled && !v.phone.trim()) out.push('notifySettings.warning.noPhone');
  return out;
}
