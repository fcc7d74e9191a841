import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum FundsErrorCode {
  LINE_NOT_FOUND = 'FUNDS_LINE_NOT_FOUND',
  ENTRY_NOT_FOUND = 'FUNDS_ENTRY_NOT_FOUND',
  ADJUSTMENT_NOT_FOUND = 'FUNDS_ADJUSTMENT_NOT_FOUND',
  INSUFFICIENT_FUNDS = 'FUNDS_INSUFFICIENT',
  AMOUNT_NOT_POSITIVE = 'FUNDS_AMOUNT_NOT_POSITIVE',
  LINE_NOT_ACTIVE = 'FUNDS_LINE_NOT_ACTIVE',
  CATEGORY_RESTRICTED = 'FUNDS_CATEGORY_RESTRICTED',
  YEAR_CLOSED = 'FUNDS_YEAR_CLOSED',
  SEPARATION_OF_DUTIES = 'FUNDS_SEPARATION_OF_DUTIES',
  ILLEGAL_TRANSITION = 'FUNDS_ILLEGAL_TRANSITION',
  IDEMPOTENCY_CONFLICT = 'FUNDS_IDEMPOTENCY_CONFLICT',
  ALREADY_REVERSED = 'FUNDS_ALREADY_REVERSED',
  INVALID = 'FUNDS_INVALID',
}

const STATUS: Record<FundsErrorCode, ProblemStatus> = {
  [FundsErrorCode.LINE_NOT_FOUND]: 404,
  [FundsErrorCode.ENTRY_NOT_FOUND]: 404,
  [FundsErrorCode.ADJUSTMENT_NOT_FOUND]: 404,
  [FundsErrorCode.INSUFFICIENT_FUNDS]: 422,
  [FundsErrorCode.AMOUNT_NOT_POSITIVE]: 422,
  [FundsErrorCode.LINE_NOT_ACTIVE]: 422,
  [FundsErrorCode.CATEGORY_RESTRICTED]: 422,
  [FundsErrorCode.YEAR_CLOSED]: 422,
  [FundsErrorCode.SEPARATION_OF_DUTIES]: 403,
  [FundsErrorCode.ILLEGAL_TRANSITION]: 409,
  [FundsErrorCode.IDEMPOTENCY_CONFLICT]: 422,
  [FundsErrorCode.ALREADY_REVERSED]: 409,
  [FundsErrorCode.INVALID]: 422,
};

export class FundsError extends DomainError {
  constructor(code: FundsErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }
}
