import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { CustodyKind, CustodyReturnReason, CustodyStatus } from '../domain/custody';

/**
 * A bid deposit or a performance bond (保证金): money held for an organisation, never a budget line. The bucket
 * columns follow the custody ledger by trigger (custody_entries_apply); money columns are BIGINT fen.
 */
@Entity('custody_accounts')
@Index('uq_custody_accounts_kind_tender_org', ['kind', 'tenderId', 'organisationId'], { unique: true })
@Index('idx_custody_accounts_region', ['regionPath', 'status'])
@Index('idx_custody_accounts_organisation', ['organisationId', 'status'])
@Index('idx_custody_accounts_due', ['status', 'returnDueAt'])
@Index('idx_custody_accounts_contract', ['contractId'])
export class CustodyAccountEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ type: 'varchar', length: 20 }) kind!: CustodyKind;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  /** The purchaser's region (the tender's): finance officers of the subtree see and settle it. */
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ name: 'tender_id', type: 'int' }) tenderId!: number;
  /** The contract, for a performance bond. */
  @Column({ name: 'contract_id', type: 'int', nullable: true }) contractId!: number | null;
  @Column({ type: 'varchar', length: 16 }) status!: CustodyStatus;
  /** What the tender or the contract requires. */
  @Column({ name: 'required_fen', type: 'bigint' }) requiredFen!: string;
  @Column({ name: 'held_fen', type: 'bigint' }) heldFen!: string;
  @Column({ name: 'returned_fen', type: 'bigint' }) returnedFen!: string;
  @Column({ name: 'forfeited_fen', type: 'bigint' }) forfeitedFen!: string;
  /** Late-return interest paid on top of the returned amount. */
  @Column({ name: 'interest_fen', type: 'bigint' }) interestFen!: string;
  @Column({ name: 'return_reason', type: 'varchar', length: 20, nullable: true })
  returnReason!: CustodyReturnReason | null;
  /** The end (24:00 Beijing) of the 5th working day after the event that made it returnable. */
  @Column({ name: 'return_due_at', type: 'datetime', precision: 3, nullable: true }) returnDueAt!: Date | null;
  /** When the job found it not returned by its due time (status REFUND_DUE) and told finance. */
  @Column({ name: 'due_marked_at', type: 'datetime', precision: 3, nullable: true }) dueMarkedAt!: Date | null;
  /** A bond after a termination for breach: finance may decide to forfeit it. */
  @Column({ type: 'tinyint' }) forfeitable!: number;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt!: Date | null;
  @Column({ name: 'closed_by', type: 'int', nullable: true }) closedBy!: number | null;
  /** Finance's note on the refund/release, or the reason of a forfeiture. */
  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true }) decisionNote!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/** The append-only custody ledger (triggers refuse UPDATE and DELETE). */
@Entity('custody_entries')
@Index('uq_custody_entries_key', ['idempotencyKey'], { unique: true })
@Index('idx_custody_entries_account', ['accountId', 'id'])
export class CustodyEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'account_id', type: 'int' }) accountId!: number;
  @Column({ type: 'varchar', length: 16 }) operation!: string;
  @Column({ name: 'from_bucket', type: 'varchar', length: 16 }) fromBucket!: string;
  @Column({ name: 'to_bucket', type: 'varchar', length: 16 }) toBucket!: string;
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen!: string;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 128 }) idempotencyKey!: string;
  @Column({ type: 'varchar', length: 255, nullable: true }) memo!: string | null;
  @Column({ name: 'actor_id', type: 'int', nullable: true }) actorId!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const CUSTODY_ENTITY_LIST = [CustodyAccountEntity, CustodyEntryEntity];
