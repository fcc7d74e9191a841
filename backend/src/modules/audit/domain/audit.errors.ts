import { DomainError, ProblemStatus } from '../../../platform/http/domain-error';

export enum AuditErrorCode {
  /** No signing key is configured (production without AUDIT_SIGNING_KEY_FILE): no checkpoint can be taken or checked. */
  AUDIT_CHECKPOINTS_DISABLED = 'AUDIT_CHECKPOINTS_DISABLED',
}

const STATUS: Record<AuditErrorCode, ProblemStatus> = {
  AUDIT_CHECKPOINTS_DISABLED: 503,
};

export class AuditError extends DomainError {
  constructor(code: AuditErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(code, STATUS[code], message, extra);
  }
}
