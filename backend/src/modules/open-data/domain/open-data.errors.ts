import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum OpenDataErrorCode {
  /** No release was published for this ocid (or it is not one of this publisher's). */
  RECORD_NOT_FOUND = 'OPEN_DATA_RECORD_NOT_FOUND',
  /** No release is dated in this month (Beijing time), or the month has not begun. */
  MONTH_NOT_FOUND = 'OPEN_DATA_MONTH_NOT_FOUND',
  /** A cursor that this feed did not give out. */
  BAD_CURSOR = 'OPEN_DATA_BAD_CURSOR',
}

const STATUS: Record<OpenDataErrorCode, ProblemStatus> = {
  [OpenDataErrorCode.RECORD_NOT_FOUND]: 404,
  [OpenDataErrorCode.MONTH_NOT_FOUND]: 404,
  [OpenDataErrorCode.BAD_CURSOR]: 400,
};

export class OpenDataError extends DomainError {
  constructor(code: OpenDataErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }
}
