/**
 * The ports the delivery job sends through. Each adapter either resolves (the server or gateway accepted the
 * message) or throws (refused, unreachable, too slow): the job turns a throw into a retry with backoff.
 */

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Deterministic per delivery (`<delivery-12@host>`): a receiving client can tell a second copy of the same. */
  messageId: string;
  /** The delivery's id, for the server's logs (`X-Diandan-Delivery`). */
  reference: string;
  locale: string;
}

export interface OutgoingSms {
  to: string;
  text: string;
  reference: string;
}

export abstract class EmailSender {
  /** `smtp` or `file`, for the logs and the operations page. */
  abstract readonly kind: string;
  abstract send(mail: OutgoingEmail): Promise<void>;
  /** Closes pooled connections (worker shutdown). */
  async close(): Promise<void> {
    /* nothing by default */
  }
}

export abstract class SmsSender {
  /** `log` or `http`. */
  abstract readonly kind: string;
  abstract send(sms: OutgoingSms): Promise<void>;
}
