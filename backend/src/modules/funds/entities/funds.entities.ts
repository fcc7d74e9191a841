import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Money columns are BIGINT fen; mysql2 returns them as strings, converted with BigInt in the service. */
/**
 * A budget year closed for one region and its subtree (a district's finance office closes its own year-end).
 * Lines of the year in the subtree carry `year_closed`; no new line of the year may be created there.
 */
@Entity('fund_year_closures')
@Index('uq_fund_year_closures_year_region', ['year', 'regionId'], { unique: true })
@Index('idx_fund_year_closures_year_path', ['year', 'regionPath'])
export class FundYearClosureEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ type: 'smallint' }) year!: number;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3 }) closedAt!: Date;
  @Column({ name: 'closed_by', type: 'int' }) closedBy!: number;
}

export type LineStatus = 'PENDING_APPROVAL' | 'ACTIVE' | 'REJECTED';

@Entity('budget_lines')
@Index('idx_budget_lines_region', ['regionPath', 'year'])
@Index('idx_budget_lines_year_status', ['year', 'status'])
export class BudgetLineEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ type: 'smallint' }) year!: number;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ type: 'varchar', length: 24 }) source!: string;
  @Column({ name: 'restricted_category_code', type: 'varchar', length: 16, nullable: true }) restrictedCategoryCode!:
    string | null;
  @Column({ type: 'varchar', length: 128 }) title!: string;
  @Column({ type: 'varchar', length: 20 }) status!: LineStatus;
  @Column({ name: 'requested_fen', type: 'bigint' }) requestedFen!: string;
  @Column({ name: 'available_fen', type: 'bigint' }) availableFen!: string;
  @Column({ name: 'reserved_fen', type: 'bigint' }) reservedFen!: string;
  @Column({ name: 'committed_fen', type: 'bigint' }) committedFen!: string;
  @Column({ name: 'paid_fen', type: 'bigint' }) paidFen!: string;
  /** Set on every line of a year when the year is closed, so postings see it on the row they lock. */
  @Column({ name: 'year_closed', type: 'tinyint' }) yearClosed!: number;
  /**
   * The line may fund a service contract of up to 3 years (跨年度合同, PRODUCT.md §4: "at most 3 years where the budget
   * allows"); otherwise contracts paid from it run at most 1 year.
   */
  @Column({ name: 'multi_year', type: 'tinyint', default: 0 }) multiYear!: number;
  @Column({ name: 'created_by', type: 'int' }) createdBy!: number;
  @Column({ name: 'decided_by', type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true }) decisionNote!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('budget_adjustments')
@Index('idx_budget_adjustments_line', ['lineId'])
export class BudgetAdjustmentEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'line_id', type: 'int' }) lineId!: number;
  @Column({ name: 'delta_fen', type: 'bigint' }) deltaFen!: string;
  @Column({ type: 'varchar', length: 500 }) reason!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'PENDING' | 'APPROVED' | 'REJECTED';
  @Column({ name: 'requested_by', type: 'int' }) requestedBy!: number;
  @Column({ name: 'decided_by', type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  /** Why it was rejected (required then), or the approver's note. */
  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true }) decisionNote!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('ledger_entries')
@Index('uq_ledger_entries_key', ['idempotencyKey'], { unique: true })
@Index('uq_ledger_entries_reverses', ['reversesEntryId'], { unique: true })
@Index('idx_ledger_entries_line', ['lineId', 'id'])
@Index('idx_ledger_entries_reference', ['referenceType', 'referenceId'])
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'line_id', type: 'int' }) lineId!: number;
  @Column({ type: 'varchar', length: 24 }) operation!: string;
  @Column({ name: 'from_bucket', type: 'varchar', length: 16 }) fromBucket!: string;
  @Column({ name: 'to_bucket', type: 'varchar', length: 16 }) toBucket!: string;
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen!: string;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 128 }) idempotencyKey!: string;
  @Column({ name: 'reference_type', type: 'varchar', length: 32, nullable: true }) referenceType!: string | null;
  @Column({ name: 'reference_id', type: 'varchar', length: 64, nullable: true }) referenceId!: string | null;
  @Column({ name: 'reverses_entry_id', type: 'bigint', nullable: true }) reversesEntryId!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) memo!: string | null;
  @Column({ name: 'actor_id', type: 'int', nullable: true }) actorId!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const FUNDS_ENTITY_LIST = [FundYearClosureEntity, BudgetLineEntity, BudgetAdjustmentEntity, LedgerEntryEntity];
