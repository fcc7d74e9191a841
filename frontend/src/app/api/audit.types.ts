import type { IsoInstant } from './common.types';

/** One event of `GET /api/v1/audit`. */
export interface AuditEvent {
  seq: number;
  occurredAt: IsoInstant;
  actorId: number | null;
  /** Username at the time of the event. */
  actorUsername: string;
  /** Current display name of the actor (null for the system and unknown users). */
  actorDisplayName: string | null;
  actorRoles: string[];
  ip: string | null;
  /** e.g. `identity.user.created` */
  action: string;
  entityType: string;
  /** Secret-bearing ids (sessions) come as `ref:…`. */
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
  /** One event by its seq. */
  seq?: number;
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

export type AuditBreakReason =
  | 'SEQUENCE_GAP'
  | 'PREVIOUS_HASH_MISMATCH'
  | 'HASH_MISMATCH'
  | 'HEAD_MISMATCH'
  | 'CHECKPOINT_MISMATCH'
  | 'CHECKPOINT_AHEAD_OF_CHAIN'
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'CHECKPOINT_MISSING'
  | 'CHECKPOINT_CHAIN_BROKEN'
  | 'CHECKPOINT_CONFLICT';

export interface AuditChainBreak {
  /** The event concerned (for checkpoint reasons, the seq anchored; 0 when unknown). */
  seq: number;
  reason: AuditBreakReason;
  checkpointId?: number;
}

export interface AuditCheckpointSummary {
  id: number;
  seq: number;
  at: IsoInstant;
}

/** `GET /api/v1/audit/verify` */
export interface AuditVerifyResult {
  ok: boolean;
  /** Events examined (all of them: verification goes on after a break). */
  checked: number;
  headSeq: number;
  firstBrokenSeq: number | null;
  reason: AuditBreakReason | null;
  /** Every break in seq order, at most 100. */
  breaks: AuditChainBreak[];
  breakCount: number;
  breaksTruncated: boolean;
  checkpoints: {
    verified: boolean;
    checked: number;
    published: number;
    latest: AuditCheckpointSummary | null;
    keyId: string | null;
  };
}

/** `GET /api/v1/audit/state` */
export interface AuditChainState {
  headSeq: number;
  headHash: string;
  checkpointsEnabled: boolean;
  lastCheckpoint: AuditCheckpointSummary | null;
  unanchoredEvents: number;
  lastVerification: {
    at: IsoInstant;
    ok: boolean;
    checked: number;
    breakCount: number;
    firstBrokenSeq: number | null;
    reason: AuditBreakReason | null;
    by: string;
  } | null;
}

/** A signed checkpoint (`GET /api/v1/public/audit/checkpoints`). */
export interface AuditCheckpoint extends AuditCheckpointSummary {
  hash: string;
  prev: string;
  keyId: string;
  signature: string;
}

/** `POST /api/v1/audit/checkpoints` */
export interface AuditTakeCheckpointResult {
  result: 'CREATED' | 'UNCHANGED' | 'NOTHING_TO_ANCHOR';
  checkpoint: AuditCheckpoint | null;
}
