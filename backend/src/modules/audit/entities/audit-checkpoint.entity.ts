import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

const bigintNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A signed checkpoint of the chain head (domain/checkpoints.ts). Append-only: triggers refuse UPDATE and DELETE. */
@Entity('audit_checkpoints')
@Index('uq_audit_checkpoints_seq', ['seq'], { unique: true })
export class AuditCheckpointEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber })
  id!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  seq!: number;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ name: 'taken_at', type: 'datetime', precision: 3 })
  takenAt!: Date;

  @Column({ name: 'prev_digest', type: 'char', length: 64 })
  prevDigest!: string;

  @Column({ name: 'key_id', type: 'char', length: 16 })
  keyId!: string;

  @Column({ type: 'varchar', length: 128 })
  signature!: string;
}

/** The outcome of one verification of the whole chain: the auditor's desk shows the latest. */
@Entity('audit_verifications')
@Index('idx_audit_verifications_time', ['verifiedAt'])
export class AuditVerificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'verified_at', type: 'datetime', precision: 3 })
  verifiedAt!: Date;

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 64 })
  actorUsername!: string;

  @Column({ type: 'tinyint' })
  ok!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  checked!: number;

  @Column({ name: 'head_seq', type: 'bigint', transformer: bigintNumber })
  headSeq!: number;

  @Column({ name: 'break_count', type: 'int' })
  breakCount!: number;

  @Column({ name: 'first_broken_seq', type: 'bigint', nullable: true, transformer: bigintNumber })
  firstBrokenSeq!: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  reason!: string | null;

  @Column({ name: 'checkpoints_checked', type: 'int' })
  checkpointsChecked!: number;
}
