/**
 * The rules of notifications beyond the inbox: which channels a message goes to, how a failed attempt is retried,
 * and when a delivery is given up. Pure: the services and the job apply them.
 */

/** The channels beside the inbox (which every message always reaches). */
export const CHANNELS = ['EMAIL', 'SMS'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * PENDING: waiting for its job (first attempt, or the next one after a backoff). SENDING: an attempt is under way
 * (claimed under a conditional update). SENT: the server or gateway accepted it. FAILED: given up after the last
 * attempt, or an attempt interrupted mid-way whose outcome is unknown — listed for administrators, who may retry it.
 */
export const DELIVERY_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * What a person can mute per channel: the inbox kinds grouped by the part of the work they come from. A kind is
 * `need.step`, `tender.notice`, `contracts.payment`, `EVALUATION_GRADE_ASSESSMENT_SUBMITTED`… (see topicOfKind).
 */
export const TOPICS = ['needs', 'procurement', 'contracts', 'evaluation', 'organisations', 'other'] as const;
export type Topic = (typeof TOPICS)[number];

const TOPIC_OF_PREFIX: Readonly<Record<string, Topic>> = {
  need: 'needs',
  needs: 'needs',
  tender: 'procurement',
  objection: 'procurement',
  procurement: 'procurement',
  contract: 'contracts',
  contracts: 'contracts',
  custody: 'contracts',
  milestone: 'contracts',
  payment: 'contracts',
  evaluation: 'evaluation',
  organisation: 'organisations',
  organisations: 'organisations',
};

/** The topic of an inbox kind: its first word (`tender.notice` → procurement, `ORGANISATION_GRADE_…` → organisations). */
export function topicOfKind(kind: string): Topic {
  const first = kind.toLowerCase().split(/[._]/)[0] ?? '';
  return Object.prototype.hasOwnProperty.call(TOPIC_OF_PREFIX, first) ? TOPIC_OF_PREFIX[first] : 'other';
}

export type MutedPair = `${Channel}:${Topic}`;

export interface ChannelPreferences {
  emailEnabled: boolean;
  smsEnabled: boolean;
  /** Topics muted on one channel while the channel itself stays on. */
  muted: MutedPair[];
}

/** No row yet: e-mail on (a person with an address wants to hear), SMS off (it costs per message), nothing muted. */
export const DEFAULT_PREFERENCES: ChannelPreferences = { emailEnabled: true, smsEnabled: false, muted: [] };

export function isMutedPair(value: unknown): value is MutedPair {
  if (typeof value !== 'string') return false;
  const [channel, topic, ...rest] = value.split(':');
  return (
    rest.length === 0 &&
    (CHANNELS as readonly string[]).includes(channel) &&
    (TOPICS as readonly string[]).includes(topic)
  );
}

/** The stored column (`SMS:procurement,EMAIL:needs`), tolerant of a bad value: unknown pairs are dropped. */
export function parseMuted(column: string | null | undefined): MutedPair[] {
  if (!column) return [];
  return [...new Set(column.split(',').map((s) => s.trim()))].filter(isMutedPair).sort();
}

export function formatMuted(pairs: readonly MutedPair[]): string {
  return [...new Set(pairs)].filter(isMutedPair).sort().join(',');
}

/** Whether a message of `kind` goes to this recipient over `channel`, given their choices (the address aside). */
export function wantsChannel(prefs: ChannelPreferences, channel: Channel, kind: string): boolean {
  const on = channel === 'EMAIL' ? prefs.emailEnabled : prefs.smsEnabled;
  return on && !prefs.muted.includes(`${channel}:${topicOfKind(kind)}`);
}

export interface Contact {
  userId: number;
  email: string | null;
  phone: string | null;
  active: boolean;
}

/** The deliveries one message makes for one recipient: each channel they want and have an address for. */
export function deliveriesFor(
  contact: Contact,
  prefs: ChannelPreferences,
  kind: string,
): Array<{ channel: Channel; address: string }> {
  if (!contact.active) return [];
  const out: Array<{ channel: Channel; address: string }> = [];
  if (contact.email && wantsChannel(prefs, 'EMAIL', kind)) out.push({ channel: 'EMAIL', address: contact.email });
  if (contact.phone && wantsChannel(prefs, 'SMS', kind)) out.push({ channel: 'SMS', address: contact.phone });
  return out;
}

/**
 * The wait before attempt `n + 1` after attempt `n` failed: `base × 2^(n−1)` — BullMQ's exponential backoff, so that
 * the row's `next_attempt_at` says when the queue will try again (and the reconciler re-adds a lost job for then).
 */
export function backoffMs(baseMs: number, failedAttempt: number): number {
  return baseMs * 2 ** Math.max(0, failedAttempt - 1);
}

/** After attempt `roundAttempts` of a round failed: try again, or give up (FAILED, listed for administrators). */
export function afterFailure(roundAttempts: number, maxAttempts: number): 'RETRY' | 'FAILED' {
  return roundAttempts >= maxAttempts ? 'FAILED' : 'RETRY';
}

/**
 * An attempt still SENDING after this long was interrupted (its worker died mid-call): the send may or may not have
 * reached the server. It is not sent again on its own — at most once per attempt — but marked FAILED for an
 * administrator to decide (see docs/domain/notifications.md, "At most once around the SMTP call").
 */
export function sendingIsStale(claimedAt: Date | null, now: Date, leaseMs: number): boolean {
  return claimedAt === null || now.getTime() - claimedAt.getTime() >= leaseMs;
}

/** How long an attempt may stay SENDING before it counts as interrupted: twice the send timeout and 10 s more. */
export function sendLeaseMs(sendTimeoutMs: number): number {
  return 2 * sendTimeoutMs + 10_000;
}
