import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum ContractsErrorCode {
  CONTRACT_NOT_FOUND = 'CONTRACT_NOT_FOUND',
  CONTRACT_INVALID = 'CONTRACT_INVALID',
  CONTRACT_ILLEGAL_TRANSITION = 'CONTRACT_ILLEGAL_TRANSITION',
  CONTRACT_FROZEN = 'CONTRACT_FROZEN',
  MILESTONE_NOT_FOUND = 'MILESTONE_NOT_FOUND',
  MILESTONE_ILLEGAL_TRANSITION = 'MILESTONE_ILLEGAL_TRANSITION',
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',
  REPORT_INVALID = 'REPORT_INVALID',
  PAYMENT_NOT_FOUND = 'PAYMENT_NOT_FOUND',
  PAYMENT_INVALID = 'PAYMENT_INVALID',
  PAYMENT_ILLEGAL_TRANSITION = 'PAYMENT_ILLEGAL_TRANSITION',
  CHANGE_ORDER_NOT_FOUND = 'CHANGE_ORDER_NOT_FOUND',
  CHANGE_ORDER_INVALID = 'CHANGE_ORDER_INVALID',
  CHANGE_ORDER_OVER_CAP = 'CHANGE_ORDER_OVER_CAP',
  CHANGE_ORDER_ILLEGAL_TRANSITION = 'CHANGE_ORDER_ILLEGAL_TRANSITION',
  /** The same person may not take two steps that must be taken by two (request/approve/pay, propose/approve). */
  SEPARATION_OF_DUTIES = 'CONTRACTS_SEPARATION_OF_DUTIES',
  /** The supplier's member has no signing rights for the organisation. */
  NOT_A_SIGNATORY = 'CONTRACTS_NOT_A_SIGNATORY',
  /** Signing rights are granted only to members of one's own organisation: anyone else is not found. */
  MEMBER_NOT_FOUND = 'CONTRACTS_MEMBER_NOT_FOUND',
}

const STATUS: Record<ContractsErrorCode, ProblemStatus> = {
  [ContractsErrorCode.CONTRACT_NOT_FOUND]: 404,
  [ContractsErrorCode.CONTRACT_INVALID]: 422,
  [ContractsErrorCode.CONTRACT_ILLEGAL_TRANSITION]: 409,
  [ContractsErrorCode.CONTRACT_FROZEN]: 409,
  [ContractsErrorCode.MILESTONE_NOT_FOUND]: 404,
  [ContractsErrorCode.MILESTONE_ILLEGAL_TRANSITION]: 409,
  [ContractsErrorCode.REPORT_NOT_FOUND]: 404,
  [ContractsErrorCode.REPORT_INVALID]: 422,
  [ContractsErrorCode.PAYMENT_NOT_FOUND]: 404,
  [ContractsErrorCode.PAYMENT_INVALID]: 422,
  [ContractsErrorCode.PAYMENT_ILLEGAL_TRANSITION]: 409,
  [ContractsErrorCode.CHANGE_ORDER_NOT_FOUND]: 404,
  [ContractsErrorCode.CHANGE_ORDER_INVALID]: 422,
  [ContractsErrorCode.CHANGE_ORDER_OVER_CAP]: 422,
  [ContractsErrorCode.CHANGE_ORDER_ILLEGAL_TRANSITION]: 409,
  [ContractsErrorCode.SEPARATION_OF_DUTIES]: 403,
  [ContractsErrorCode.NOT_A_SIGNATORY]: 403,
  [ContractsErrorCode.MEMBER_NOT_FOUND]: 404,
};

export class ContractsError extends DomainError {
  constructor(code: ContractsErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }
}

export function contractInvalid(field: string, message: string): ContractsError {
  return new ContractsError(ContractsErrorCode.CONTRACT_INVALID, message, { errors: [{ field, message }] });
}
