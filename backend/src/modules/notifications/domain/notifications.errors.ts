import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum NotificationsErrorCode {
  DELIVERY_NOT_FOUND = 'NOTIFICATIONS_DELIVERY_NOT_FOUND',
  /** Only a FAILED delivery is retried by hand (a pending one is still being tried, a sent one arrived). */
  DELIVERY_ILLEGAL_TRANSITION = 'NOTIFICATIONS_DELIVERY_ILLEGAL_TRANSITION',
}

const STATUS: Record<NotificationsErrorCode, ProblemStatus> = {
  [NotificationsErrorCode.DELIVERY_NOT_FOUND]: 404,
  [NotificationsErrorCode.DELIVERY_ILLEGAL_TRANSITION]: 409,
};

export class NotificationsError extends DomainError {
  constructor(code: NotificationsErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }
}
