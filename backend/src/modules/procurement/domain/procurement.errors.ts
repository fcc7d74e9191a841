import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum ProcurementErrorCode {
  PROJECT_NOT_FOUND = 'PROJECT_NOT_FOUND',
  PROJECT_INVALID = 'PROJECT_INVALID',
  PROJECT_ILLEGAL_TRANSITION = 'PROJECT_ILLEGAL_TRANSITION',
  SEPARATION_OF_DUTIES = 'PROCUREMENT_SEPARATION_OF_DUTIES',
  TENDER_NOT_FOUND = 'TENDER_NOT_FOUND',
  TENDER_INVALID = 'TENDER_INVALID',
  TENDER_ILLEGAL_TRANSITION = 'TENDER_ILLEGAL_TRANSITION',
  TENDER_PERIOD_TOO_SHORT = 'TENDER_PERIOD_TOO_SHORT',
  BID_NOT_FOUND = 'BID_NOT_FOUND',
  BIDS_SEALED = 'BIDS_SEALED',
  BID_INVALID = 'BID_INVALID',
  BID_LATE = 'BID_LATE',
  BID_NOT_ELIGIBLE = 'BID_NOT_ELIGIBLE',
  BID_ILLEGAL_TRANSITION = 'BID_ILLEGAL_TRANSITION',
  COMMITTEE_TOO_FEW_EXPERTS = 'COMMITTEE_TOO_FEW_EXPERTS',
  COMMITTEE_INVALID = 'COMMITTEE_INVALID',
  SCORES_INVALID = 'SCORES_INVALID',
  NOT_ON_COMMITTEE = 'PROCUREMENT_NOT_ON_COMMITTEE',
  OBJECTION_NOT_FOUND = 'OBJECTION_NOT_FOUND',
  OBJECTION_WINDOW_CLOSED = 'OBJECTION_WINDOW_CLOSED',
  OBJECTION_ILLEGAL_TRANSITION = 'OBJECTION_ILLEGAL_TRANSITION',
  CLARIFICATION_NOT_FOUND = 'CLARIFICATION_NOT_FOUND',
}

const STATUS: Record<ProcurementErrorCode, ProblemStatus> = {
  [ProcurementErrorCode.PROJECT_NOT_FOUND]: 404,
  [ProcurementErrorCode.PROJECT_INVALID]: 422,
  [ProcurementErrorCode.PROJECT_ILLEGAL_TRANSITION]: 409,
  [ProcurementErrorCode.SEPARATION_OF_DUTIES]: 403,
  [ProcurementErrorCode.TENDER_NOT_FOUND]: 404,
  [ProcurementErrorCode.TENDER_INVALID]: 422,
  [ProcurementErrorCode.TENDER_ILLEGAL_TRANSITION]: 409,
  [ProcurementErrorCode.TENDER_PERIOD_TOO_SHORT]: 422,
  [ProcurementErrorCode.BID_NOT_FOUND]: 404,
  [ProcurementErrorCode.BIDS_SEALED]: 409,
  [ProcurementErrorCode.BID_INVALID]: 422,
  [ProcurementErrorCode.BID_LATE]: 409,
  [ProcurementErrorCode.BID_NOT_ELIGIBLE]: 403,
  [ProcurementErrorCode.BID_ILLEGAL_TRANSITION]: 409,
  [ProcurementErrorCode.COMMITTEE_TOO_FEW_EXPERTS]: 422,
  [ProcurementErrorCode.COMMITTEE_INVALID]: 422,
  [ProcurementErrorCode.SCORES_INVALID]: 422,
  [ProcurementErrorCode.NOT_ON_COMMITTEE]: 404,
  [ProcurementErrorCode.OBJECTION_NOT_FOUND]: 404,
  [ProcurementErrorCode.OBJECTION_WINDOW_CLOSED]: 409,
  [ProcurementErrorCode.OBJECTION_ILLEGAL_TRANSITION]: 409,
  [ProcurementErrorCode.CLARIFICATION_NOT_FOUND]: 404,
};

export class ProcurementError extends DomainError {
  constructor(code: ProcurementErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }
}

export function invalid(code: ProcurementErrorCode, field: string, message: string): ProcurementError {
  return new ProcurementError(code, message, { errors: [{ field, message }] });
}
