import { DomainError, ProblemExtras, ProblemStatus } from '../../../platform/http/domain-error';

export enum IdentityErrorCode {
  INVALID_CREDENTIALS = 'IDENTITY_INVALID_CREDENTIALS',
  ACCOUNT_DISABLED = 'IDENTITY_ACCOUNT_DISABLED',
  REFRESH_TOKEN_INVALID = 'IDENTITY_REFRESH_TOKEN_INVALID',
  REFRESH_TOKEN_REUSED = 'IDENTITY_REFRESH_TOKEN_REUSED',
  USER_NOT_FOUND = 'IDENTITY_USER_NOT_FOUND',
  USERNAME_TAKEN = 'IDENTITY_USERNAME_TAKEN',
  PASSWORD_POLICY = 'IDENTITY_PASSWORD_POLICY',
  ROLE_ASSIGNMENT_INVALID = 'IDENTITY_ROLE_ASSIGNMENT_INVALID',
  ORGANISATION_NOT_FOUND = 'IDENTITY_ORGANISATION_NOT_FOUND',
  ILLEGAL_TRANSITION = 'IDENTITY_ILLEGAL_TRANSITION',
  CANNOT_DISABLE_SELF = 'IDENTITY_CANNOT_DISABLE_SELF',
  CANNOT_CHANGE_OWN_ROLES = 'IDENTITY_CANNOT_CHANGE_OWN_ROLES',
  /** Sign-in limits (per account, per address) or the auth routes' request cap: 429 with Retry-After. */
  RATE_LIMITED = 'RATE_LIMITED',
  CURRENT_PASSWORD_WRONG = 'IDENTITY_CURRENT_PASSWORD_WRONG',
  /** After a reset: every route but `GET /me` and `POST /me/password` answers this until the password is changed. */
  PASSWORD_CHANGE_REQUIRED = 'IDENTITY_PASSWORD_CHANGE_REQUIRED',
  CANNOT_RESET_OWN_PASSWORD = 'IDENTITY_CANNOT_RESET_OWN_PASSWORD',
}

const STATUS: Record<IdentityErrorCode, ProblemStatus> = {
  [IdentityErrorCode.INVALID_CREDENTIALS]: 401,
  [IdentityErrorCode.ACCOUNT_DISABLED]: 403,
  [IdentityErrorCode.REFRESH_TOKEN_INVALID]: 401,
  [IdentityErrorCode.REFRESH_TOKEN_REUSED]: 401,
  [IdentityErrorCode.USER_NOT_FOUND]: 404,
  [IdentityErrorCode.USERNAME_TAKEN]: 409,
  [IdentityErrorCode.PASSWORD_POLICY]: 422,
  [IdentityErrorCode.ROLE_ASSIGNMENT_INVALID]: 422,
  [IdentityErrorCode.ORGANISATION_NOT_FOUND]: 422,
  [IdentityErrorCode.ILLEGAL_TRANSITION]: 409,
  [IdentityErrorCode.CANNOT_DISABLE_SELF]: 422,
  [IdentityErrorCode.CANNOT_CHANGE_OWN_ROLES]: 403,
  [IdentityErrorCode.RATE_LIMITED]: 429,
  [IdentityErrorCode.CURRENT_PASSWORD_WRONG]: 422,
  [IdentityErrorCode.PASSWORD_CHANGE_REQUIRED]: 403,
  [IdentityErrorCode.CANNOT_RESET_OWN_PASSWORD]: 422,
};

export class IdentityError extends DomainError {
  constructor(code: IdentityErrorCode, message: string, extra: ProblemExtras = {}) {
    super(code, STATUS[code], message, extra);
  }
}
