import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Env } from '../../../config/env';
import { dbNow } from '../../../platform/database/db-clock';
import { isLocale, Locale, messageLink, parseParams, renderMessage } from '../../../platform/i18n';
import { appUrl, emailText, messagePath, smsText } from '../domain/channel-texts';
import { afterFailure, backoffMs, sendingIsStale, sendLeaseMs } from '../domain/delivery-rules';
import { sendErrorText } from '../domain/send-error';
import { DeliveryEntity } from '../entities/delivery.entity';
import { NotificationEntity } from '../entities/notification.entity';
import { EmailSender, SmsSender } from '../senders/senders';
import { DeliveryPayload } from './delivery-deadline';

export type DeliveryResult =
  | { result: 'SENT' | 'NOTHING_TO_DO' | 'INTERRUPTED' }
  | { result: 'NOT_DUE'; dueInMs: number }
  /** This attempt failed; `final` when it was the round's last (the delivery is FAILED). */
  | { result: 'ATTEMPT_FAILED'; final: boolean; error: string };

function timeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Sends one delivery. Idempotent and at most once per attempt:
 *
 * 1. **Claim** — one conditional UPDATE moves the row PENDING → SENDING (and counts the attempt) only if it is still
 *    PENDING in the job's round. A duplicated job, a job of an earlier round, a job whose delivery was sent: the
 *    UPDATE matches no row and the job sends nothing.
 * 2. **Send** outside any transaction (no row lock held across a network call), bounded by NOTIFY_SEND_TIMEOUT_MS.
 * 3. **Record** — SENDING → SENT; or, on failure, SENDING → PENDING with the next attempt's time (the job throws and
 *    the queue retries it with exponential backoff) or, after the round's last attempt, SENDING → FAILED.
 *
 * A worker that dies between 1 and 3 leaves the row SENDING: nobody knows whether the server took the mail. It is not
 * sent again on its own (a second official notice is worse than none, and the inbox has it): when the attempt's lease
 * has passed the job (re-run by the queue's stalled check, or rebuilt by the reconciler) marks it FAILED — "outcome
 * unknown" — and an administrator decides whether to retry it.
 */
@Injectable()
export class DeliveryJob {
  private readonly logger = new Logger(DeliveryJob.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly env: Env,
    private readonly email: EmailSender,
    private readonly sms: SmsSender,
  ) {}

  async handle(payload: DeliveryPayload): Promise<DeliveryResult> {
    const repo = this.dataSource.getRepository(DeliveryEntity);
    const claim = (await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = 'SENDING', attempts = attempts + 1, round_attempts = round_attempts + 1,
              claimed_at = UTC_TIMESTAMP(3), updated_at = UTC_TIMESTAMP(3)
        WHERE id = ? AND round = ? AND status = 'PENDING'`,
      [payload.deliveryId, payload.round],
    )) as { affectedRows: number };
    if (claim.affectedRows === 0) return this.notClaimed(payload);

    const d = await repo.findOneByOrFail({ id: payload.deliveryId });
    try {
      await timeout(this.send(d), this.env.NOTIFY_SEND_TIMEOUT_MS);
    } catch (err) {
      return this.failed(d, err);
    }
    await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = 'SENT', sent_at = UTC_TIMESTAMP(3), updated_at = UTC_TIMESTAMP(3), last_error = NULL
        WHERE id = ? AND round = ? AND status = 'SENDING'`,
      [d.id, d.round],
    );
    return { result: 'SENT' };
  }

  /** The claim matched nothing: done already, another round, or an attempt under way (settled once its lease ends). */
  private async notClaimed(payload: DeliveryPayload): Promise<DeliveryResult> {
    const d = await this.dataSource.getRepository(DeliveryEntity).findOneBy({ id: payload.deliveryId });
    if (d === null || d.round !== payload.round || d.status !== 'SENDING') return { result: 'NOTHING_TO_DO' };
    const now = await dbNow(this.dataSource.manager);
    const lease = sendLeaseMs(this.env.NOTIFY_SEND_TIMEOUT_MS);
    if (!sendingIsStale(d.claimedAt, now, lease))
      return { result: 'NOT_DUE', dueInMs: (d.claimedAt as Date).getTime() + lease - now.getTime() };
    const res = (await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = 'FAILED', failed_at = UTC_TIMESTAMP(3), updated_at = UTC_TIMESTAMP(3), last_error = ?
        WHERE id = ? AND round = ? AND status = 'SENDING' AND claimed_at = ?`,
      [
        'INTERRUPTED: the attempt stopped while sending; the message may or may not have arrived',
        d.id,
        d.round,
        d.claimedAt,
      ],
    )) as { affectedRows: number };
    return { result: res.affectedRows === 1 ? 'INTERRUPTED' : 'NOTHING_TO_DO' };
  }

  private async failed(d: DeliveryEntity, err: unknown): Promise<DeliveryResult> {
    const error = sendErrorText(err, this.secrets());
    const decision = afterFailure(d.roundAttempts, this.env.NOTIFY_ATTEMPTS);
    if (decision === 'FAILED') {
      await this.dataSource.query(
        `UPDATE notification_deliveries
            SET status = 'FAILED', failed_at = UTC_TIMESTAMP(3), updated_at = UTC_TIMESTAMP(3), last_error = ?
          WHERE id = ? AND round = ? AND status = 'SENDING'`,
        [error, d.id, d.round],
      );
    } else {
      const wait = backoffMs(this.env.NOTIFY_BACKOFF_MS, d.roundAttempts);
      await this.dataSource.query(
        `UPDATE notification_deliveries
            SET status = 'PENDING', updated_at = UTC_TIMESTAMP(3), last_error = ?,
                next_attempt_at = UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND
          WHERE id = ? AND round = ? AND status = 'SENDING'`,
        [error, wait * 1000, d.id, d.round],
      );
    }
    this.logger.warn(
      { deliveryId: d.id, channel: d.channel, attempt: d.roundAttempts, final: decision === 'FAILED', error },
      'notification delivery attempt failed',
    );
    return { result: 'ATTEMPT_FAILED', final: decision === 'FAILED', error };
  }

  private async send(d: DeliveryEntity): Promise<void> {
    const n = await this.dataSource.getRepository(NotificationEntity).findOneByOrFail({ id: d.notificationId });
    const locale: Locale = isLocale(d.locale) ? d.locale : 'zh-CN';
    const params = parseParams(n.params);
    const message =
      n.template === null ? { title: n.title ?? '', body: n.body ?? '' } : renderMessage(n.template, params, locale);
    if (d.channel === 'SMS') {
      await this.sms.send({ to: d.address, text: smsText({ message, locale }), reference: String(d.id) });
      return;
    }
    const path = messagePath(messageLink(params), n.needId);
    const mail = emailText({ message, locale, at: n.createdAt, path, baseUrl: this.env.PUBLIC_BASE_URL });
    await this.email.send({
      to: d.address,
      ...mail,
      messageId: `<delivery-${d.id}@${new URL(appUrl(this.env.PUBLIC_BASE_URL, '/')).hostname}>`,
      reference: String(d.id),
      locale,
    });
  }

  /** Values no error text may show: the SMTP password and the gateway token. */
  private secrets(): string[] {
    const out: string[] = [];
    if (this.env.SMTP_URL) {
      try {
        const u = new URL(this.env.SMTP_URL);
        if (u.password) out.push(u.password, decodeURIComponent(u.password));
      } catch {
        // validated at start-up
      }
    }
    if (this.env.SMS_GATEWAY_TOKEN) out.push(this.env.SMS_GATEWAY_TOKEN);
    return out;
  }
}
