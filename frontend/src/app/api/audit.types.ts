import type { IsoInstant } from './common.types';

/** One event of `GET /api/v1/audit`. */
export interface AuditEvent {
  seq: number;
  occurredAt: IsoInstant;
  actorId: number | null;
  actorUsername: string;
  actorRoles: string[];
  ip: string | null;
  /** e.g. `identity.user.created` */
  action: string;
  entityType: string;
  entityId: string | null;
  regionPath: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  page?: number;
  pageSize?: number;
  /** An action or its prefix (`identity.login`); lower case, digits, `_` and `.`. */
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  /** Inclusive lower bound, ISO instant. */
  from?: string;
  /** Exclusive upper bound, ISO instant. */
  to?: string;
}

export type AuditBreakReason = 'SEQUENCE_GAP' | 'PREVIOUS_HASH_MISMATCH' | 'HASH_MISMATCH' | 'HEAD_MISMATCH';

/** `GET /api/v1/audit/verify` */
export interface AuditVerifyResult {
  ok: boolean;
  /** Links checked before the first break (or all of them). */
  checked: number;
  firstBrokenSeq: number | null;
  reason: AuditBreakReason | null;
}
