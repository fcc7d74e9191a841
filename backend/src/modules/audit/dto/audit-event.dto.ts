import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const BREAK_REASONS = [
  'SEQUENCE_GAP',
  'PREVIOUS_HASH_MISMATCH',
  'HASH_MISMATCH',
  'HEAD_MISMATCH',
  'CHECKPOINT_MISMATCH',
  'CHECKPOINT_AHEAD_OF_CHAIN',
  'CHECKPOINT_SIGNATURE_INVALID',
  'CHECKPOINT_MISSING',
  'CHECKPOINT_CHAIN_BROKEN',
  'CHECKPOINT_CONFLICT',
] as const;

export class AuditEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'UTC instant' }) occurredAt!: string;
  @ApiProperty({ nullable: true, type: Number }) actorId!: number | null;
  @ApiProperty({ description: 'Username at the time of the event (as stored, cut to 64 characters).' })
  actorUsername!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Current display name of the actor, when it is a user.' })
  actorDisplayName!: string | null;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ example: 'identity.user.created' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Secret-bearing ids (sessions) appear as `ref:…`.' })
  entityId!: string | null;
  @ApiProperty({ nullable: true, type: String }) regionPath!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'Secret members appear as `ref:…` or `[redacted]`.' })
  before!: unknown;
  @ApiProperty({ nullable: true, type: Object }) after!: unknown;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ChainBreakDto {
  @ApiProperty({ description: 'The event concerned (for checkpoint reasons, the seq anchored; 0 when unknown).' })
  seq!: number;
  @ApiProperty({ enum: BREAK_REASONS }) reason!: (typeof BREAK_REASONS)[number];
  @ApiPropertyOptional({ description: 'The checkpoint concerned, for CHECKPOINT_* reasons.' }) checkpointId?: number;
}

export class CheckpointSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'UTC instant' }) at!: string;
}

export class ChainCheckpointsDto {
  @ApiProperty({ description: 'False when no signing key is configured: only the links were checked.' })
  verified!: boolean;
  @ApiProperty({ description: 'Checkpoints whose signature verified and that the chain was compared with.' })
  checked!: number;
  @ApiProperty({ description: 'Checkpoints read from the published file besides the database.' }) published!: number;
  @ApiProperty({ nullable: true, type: CheckpointSummaryDto }) latest!: CheckpointSummaryDto | null;
  @ApiProperty({ nullable: true, type: String }) keyId!: string | null;
}

export class ChainVerificationDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Events examined: all of them, verification goes on after a break.' }) checked!: number;
  @ApiProperty({ description: 'Head seq read at the start; events appended meanwhile wait for the next run.' })
  headSeq!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Lowest seq among the breaks.' })
  firstBrokenSeq!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: BREAK_REASONS }) reason!: string | null;
  @ApiProperty({ type: [ChainBreakDto], description: 'Every break, in seq order, at most 100.' })
  breaks!: ChainBreakDto[];
  @ApiProperty({ description: 'All breaks found (the list may be cut).' }) breakCount!: number;
  @ApiProperty() breaksTruncated!: boolean;
  @ApiProperty({ type: ChainCheckpointsDto }) checkpoints!: ChainCheckpointsDto;
}

export class LastVerificationDto {
  @ApiProperty({ description: 'UTC instant' }) at!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty() checked!: number;
  @ApiProperty() breakCount!: number;
  @ApiProperty({ nullable: true, type: Number }) firstBrokenSeq!: number | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ description: 'Username of who ran it (`system` for the worker).' }) by!: string;
}

export class AuditChainStateDto {
  @ApiProperty() headSeq!: number;
  @ApiProperty() headHash!: string;
  @ApiProperty() checkpointsEnabled!: boolean;
  @ApiProperty({ nullable: true, type: CheckpointSummaryDto }) lastCheckpoint!: CheckpointSummaryDto | null;
  @ApiProperty({ description: 'Events after the latest checkpoint.' }) unanchoredEvents!: number;
  @ApiProperty({ nullable: true, type: LastVerificationDto }) lastVerification!: LastVerificationDto | null;
}

export class CheckpointDto {
  @ApiProperty({ description: '1, 2, 3 … without gaps' }) id!: number;
  @ApiProperty({ description: 'The event anchored' }) seq!: number;
  @ApiProperty({ description: 'That event’s hash' }) hash!: string;
  @ApiProperty({ description: 'UTC instant (database clock)' }) at!: string;
  @ApiProperty({ description: 'Digest of the previous checkpoint (64 zeros for the first)' }) prev!: string;
  @ApiProperty({ description: 'Id of the signing key' }) keyId!: string;
  @ApiProperty({ description: 'Base64 Ed25519 signature of the checkpoint message (docs/domain/audit.md)' })
  signature!: string;
}

export class CheckpointPageDto {
  @ApiProperty({ type: [CheckpointDto] }) items!: CheckpointDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class TakeCheckpointResultDto {
  @ApiProperty({ enum: ['CREATED', 'UNCHANGED', 'NOTHING_TO_ANCHOR'] }) result!: string;
  @ApiProperty({ nullable: true, type: CheckpointDto }) checkpoint!: CheckpointDto | null;
}

export class PublicKeyDto {
  @ApiProperty({ example: 'Ed25519' }) algorithm!: 'Ed25519';
  @ApiProperty() keyId!: string;
  @ApiProperty({ description: 'SubjectPublicKeyInfo, PEM' }) publicKeyPem!: string;
}
