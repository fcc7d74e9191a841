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
