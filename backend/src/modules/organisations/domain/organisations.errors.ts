import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum OrganisationsErrorCode {
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  ORGANISATION_ILLEGAL_TRANSITION = 'ORGANISATION_ILLEGAL_TRANSITION',
  ORGANISATION_INVALID = 'ORGANISATION_INVALID',
  CREDIT_CODE_TAKEN = 'ORGANISATIONS_CREDIT_CODE_TAKEN',
  DOCUMENT_REJECTED = 'ORGANISATIONS_DOCUMENT_REJECTED',
  DOCUMENT_NOT_FOUND = 'ORGANISATIONS_DOCUMENT_NOT_FOUND',
  GRADE_PROPOSAL_NOT_FOUND = 'ORGANISATIONS_GRADE_PROPOSAL_NOT_FOUND',
  /** A proposal is already waiting for the officer's decision: withdraw it first. */
  GRADE_PROPOSAL_PENDING = 'ORGANISATIONS_GRADE_PROPOSAL_PENDING',
  /** Approve, reject or withdraw a proposal that is no longer pending. */
  GRADE_PROPOSAL_ILLEGAL_TRANSITION = 'ORGANISATIONS_GRADE_PROPOSAL_ILLEGAL_TRANSITION',
}

const STATUS: Record<OrganisationsErrorCode, ProblemStatus> = {
  [OrganisationsErrorCode.ORGANISATION_NOT_FOUND]: 404,
  [OrganisationsErrorCode.ORGANISATION_ILLEGAL_TRANSITION]: 409,
  [OrganisationsErrorCode.ORGANISATION_INVALID]: 422,
  [OrganisationsErrorCode.CREDIT_CODE_TAKEN]: 409,
  [OrganisationsErrorCode.DOCUMENT_REJECTED]: 422,
  [OrganisationsErrorCode.DOCUMENT_NOT_FOUND]: 404,
  [OrganisationsErrorCode.GRADE_PROPOSAL_NOT_FOUND]: 404,
  [OrganisationsErrorCode.GRADE_PROPOSAL_PENDING]: 409,
  [OrganisationsErrorCode.GRADE_PROPOSAL_ILLEGAL_TRANSITION]: 409,
};

export class OrganisationsError extends DomainError {
  constructor(code: OrganisationsErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }

  static notFound(id: number | string): OrganisationsError {
    return new OrganisationsError(OrganisationsErrorCode.ORGANISATION_NOT_FOUND, `Organisation ${id} not found.`);
  }

  /** A business-rule problem with one field (422, `errors: [{ field, message }]`). */
  static invalid(field: string, message: string): OrganisationsError {
    return new OrganisationsError(OrganisationsErrorCode.ORGANISATION_INVALID, message, {
      errors: [{ field, message }],
    });
  }
}
