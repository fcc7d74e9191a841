import type { IsoInstant, Page } from './common.types';

/** One message of the inbox. */
export interface InboxMessage {
  /** A BIGINT id, sent as a string. */
  id: string;
  /** e.g. `need.status_changed` */
  kind: string;
  /** The template the server wrote it from (null for a message from before templates). */
  template: string | null;
  /** In the reader's language, times in Beijing time. */
  title: string;
  body: string;
  needId: number | null;
  /** A page of the app the message asks the reader to open (a survey to answer: `/s/<token>`), or null. */
  link: string | null;
  createdAt: IsoInstant;
  readAt: IsoInstant | null;
}

/** `GET /inbox`: a page of messages and how many are unread in all. */
export interface InboxPage extends Page<InboxMessage> {
  unread: number;
}

/** The channels beside the inbox, and the topics a person can mute on one of them. */
export type NotificationChannel = 'EMAIL' | 'SMS';
export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['EMAIL', 'SMS'];
export type NotificationTopic = 'needs' | 'procurement' | 'contracts' | 'evaluation' | 'organisations' | 'other';
export const NOTIFICATION_TOPICS: readonly NotificationTopic[] = [
  'needs',
  'procurement',
  'contracts',
  'evaluation',
  'organisations',
  'other',
];
export type MutedPair = `${NotificationChannel}:${NotificationTopic}`;

/** `GET/PUT /me/notification-preferences` (the addresses come from the profile, `PATCH /me/contact`). */
export interface NotificationPreferences {
  emailEnabled: boolean;
  smsEnabled: boolean;
  muted: MutedPair[];
  email: string | null;
  phone: string | null;
  inbox: true;
  topics: NotificationTopic[];
}

export interface UpdateNotificationPreferences {
  emailEnabled: boolean;
  smsEnabled: boolean;
  muted: MutedPair[];
}

/** `PATCH /me/contact`: only what changes; null clears it. */
export interface UpdateContactRequest {
  email?: string | null;
  phone?: string | null;
}

export interface Contact {
  email: string | null;
  phone: string | null;
}

export type DeliveryStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['FAILED', 'PENDING', 'SENDING', 'SENT'];

/** One e-mail or SMS of an inbox message (`GET /notifications/deliveries`, administrators). */
export interface Delivery {
  id: string;
  notificationId: string;
  channel: NotificationChannel;
  address: string;
  userId: number;
  username: string;
  displayName: string;
  kind: string;
  /** The message's title in the reader's language. */
  title: string;
  status: DeliveryStatus;
  attempts: number;
  round: number;
  lastError: string | null;
  createdAt: IsoInstant;
  sentAt: IsoInstant | null;
  failedAt: IsoInstant | null;
  nextAttemptAt: IsoInstant;
}
