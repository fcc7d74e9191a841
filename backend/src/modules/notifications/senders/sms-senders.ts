import { Logger } from '@nestjs/common';

import { OutgoingSms, SmsSender } from './senders';

/** The default: the SMS is written to the worker's log (the number masked), and counts as sent. */
export class LogSmsSender extends SmsSender {
  readonly kind = 'log';
  private readonly logger = new Logger('SmsLog');

  async send(sms: OutgoingSms): Promise<void> {
    const to = sms.to.length > 7 ? `${sms.to.slice(0, 3)}****${sms.to.slice(-4)}` : '****';
    this.logger.log({ to, text: sms.text, reference: sms.reference }, 'SMS (log sender: not sent to a phone)');
  }
}

/** An answer of the gateway other than 2xx. */
export class SmsGatewayError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`SMS gateway answered HTTP ${status}${detail ? `: ${detail}` : ''}`);
  }
}

/**
 * The real adapter: an HTTP gateway (SMS_GATEWAY_URL). POST JSON `{ to, text, reference }` with
 * `Authorization: Bearer <SMS_GATEWAY_TOKEN>`; any 2xx is accepted, anything else (or no answer within the send
 * timeout) is a failure. `reference` is the delivery id: a gateway that deduplicates on it never sends twice.
 */
export class HttpSmsSender extends SmsSender {
  readonly kind = 'http';

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async send(sms: OutgoingSms): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to: sms.to, text: sms.text, reference: sms.reference }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (res.status < 200 || res.status > 299) {
      const detail = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
      throw new SmsGatewayError(res.status, detail);
    }
    await res.arrayBuffer().catch(() => undefined);
  }
}
