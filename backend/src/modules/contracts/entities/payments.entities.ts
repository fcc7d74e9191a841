import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { PaymentStatus } from '../domain/state-machines';

/**
 * A payment request (付款申请) for the tranche of one milestone. `live_key` holds the milestone id while the
 * request is live (anything but REJECTED) and is unique: the database itself refuses a second live request for
 * one milestone, however many arrive at once. Money is BIGINT fen.
 */
@Entity('payment_requests')
@Index('uq_payment_requests_live', ['liveKey'], { unique: true })
@Index('idx_payment_requests_contract', ['contractId', 'milestoneId'])
@Index('idx_payment_requests_milestone', ['milestoneId'])
@Index('idx_payment_requests_region_due', ['regionPath', 'status', 'dueAt'])
@Index('idx_payment_requests_due', ['status', 'dueAt'])
export class PaymentRequestEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'contract_id', type: 'int' }) contractId!: number;
  @Column({ name: 'milestone_id', type: 'int' }) milestoneId!: number;
  /** The milestone id while the request is live; NULL once REJECTED (a new request may then be raised). */
  @Column({ name: 'live_key', type: 'int', nullable: true }) liveKey!: number | null;
  /** The contract's region path (officers' and finance's scope). */
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ name: 'budget_line_id', type: 'int' }) budgetLineId!: number;
  @Column({ type: 'varchar', length: 16 }) status!: PaymentStatus;
  /** The milestone's tranche. */
  @Column({ name: 'tranche_fen', type: 'bigint' }) trancheFen!: string;
  /** What is (to be) paid: the tranche, or for the final tranche what the evaluation allows. */
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen!: string;
  /** What the evaluation result released back to the budget line (final tranche only). */
  @Column({ name: 'released_fen', type: 'bigint' }) releasedFen!: string;
  /** The Beijing calendar day payment is due (acceptance + the contract's payment days); NULL while HELD. */
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  /** End of `due_date` (24:00 Asia/Shanghai) in UTC. */
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt!: Date | null;
  @Column({ name: 'requested_by', type: 'int', nullable: true }) requestedBy!: number | null;
  @Column({ name: 'requested_at', type: 'datetime', precision: 3, nullable: true }) requestedAt!: Date | null;
  @Column({ name: 'approved_by', type: 'int', nullable: true }) approvedBy!: number | null;
  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true }) approvedAt!: Date | null;
  @Column({ name: 'paid_by', type: 'int', nullable: true }) paidBy!: number | null;
  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true }) paidAt!: Date | null;
  @Column({ name: 'disburse_entry_id', type: 'bigint', nullable: true }) disburseEntryId!: string | null;
  @Column({ name: 'rejected_by', type: 'int', nullable: true }) rejectedBy!: number | null;
  @Column({ name: 'rejected_at', type: 'datetime', precision: 3, nullable: true }) rejectedAt!: Date | null;
  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true }) rejectReason!: string | null;
  /** Set by the payment-due job when the request was not paid by its due time. */
  @Column({ name: 'late_at', type: 'datetime', precision: 3, nullable: true }) lateAt!: Date | null;
  /** Late-payment interest fixed at payment (fen), computed to the day of payment. */
  @Column({ name: 'late_interest_fen', type: 'bigint', nullable: true }) lateInterestFen!: string | null;
  /** The annual late-payment rate applied (basis points), fixed at payment. */
  @Column({ name: 'late_rate_bp', type: 'int', nullable: true }) lateRateBp!: number | null;
  /** Final tranche: the evaluation's reference, score and outcome. */
  @Column({ name: 'evaluation_ref', type: 'varchar', length: 64, nullable: true }) evaluationRef!: string | null;
  @Column({ name: 'evaluation_score', type: 'varchar', length: 8, nullable: true }) evaluationScore!: string | null;
  @Column({ name: 'final_outcome', type: 'varchar', length: 16, nullable: true }) finalOutcome!:
    'FULL' | 'REDUCED' | 'WITHHELD' | null;
  @Column({ name: 'reduction_bp', type: 'int', nullable: true }) reductionBp!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

export const PAYMENTS_ENTITY_LIST = [PaymentRequestEntity];
