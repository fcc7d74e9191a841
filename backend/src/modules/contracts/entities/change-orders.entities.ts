import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { ChangeOrderStatus } from '../domain/state-machines';

/**
 * 补充合同: scope and money added to a signed contract. Proposed by the procurement officer, approved by finance
 * (never the proposer), or rejected/withdrawn with a reason. Approval commits `amount_fen` from the contract's budget
 * line (`commitment_entry_id`), adds it to `contracts.changes_fen` and creates the milestone through which the extra
 * money is delivered and paid (`milestone_id`).
 */
@Entity('contract_change_orders')
@Index('idx_change_orders_contract', ['contractId', 'status'])
@Index('idx_change_orders_status', ['status', 'proposedAt'])
export class ChangeOrderEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'contract_id', type: 'int' }) contractId!: number;
  @Column({ type: 'varchar', length: 16 }) status!: ChangeOrderStatus;
  /** The added scope (服务内容变更), as the officer wrote it. */
  @Column({ type: 'text' }) scope!: string;
  @Column({ type: 'varchar', length: 500 }) reason!: string;
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen!: string;
  /** The milestone created on approval: its title and its Beijing due date (within the contract's term). */
  @Column({ name: 'milestone_title', type: 'varchar', length: 128 }) milestoneTitle!: string;
  @Column({ name: 'milestone_due_date', type: 'date' }) milestoneDueDate!: string;
  @Column({ name: 'milestone_id', type: 'int', nullable: true }) milestoneId!: number | null;
  @Column({ name: 'commitment_entry_id', type: 'bigint', nullable: true }) commitmentEntryId!: string | null;
  @Column({ name: 'proposed_by', type: 'int' }) proposedBy!: number;
  @Column({ name: 'proposed_at', type: 'datetime', precision: 3 }) proposedAt!: Date;
  @Column({ name: 'decided_by', type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'rejection_reason', type: 'varchar', length: 500, nullable: true }) rejectionReason!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

export const CHANGE_ORDER_ENTITY_LIST = [ChangeOrderEntity];
