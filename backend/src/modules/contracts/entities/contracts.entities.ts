import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { ContractStatus, MilestoneStatus } from '../domain/state-machines';

/** Money columns are BIGINT fen (strings from mysql2, BigInt in the services); shares are basis points. */
@Entity('contracts')
@Index('uq_contracts_tender', ['tenderId'], { unique: true })
@Index('uq_contracts_code', ['code'], { unique: true })
@Index('idx_contracts_region_status', ['regionPath', 'status'])
@Index('idx_contracts_organisation', ['organisationId', 'status'])
@Index('idx_contracts_project', ['projectId'])
@Index('idx_contracts_signature_due', ['status', 'signatureDueAt'])
export class ContractEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  /** 合同编号, e.g. HT-2026-000012: unique, printed on the contract. */
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ name: 'project_id', type: 'int' }) projectId!: number;
  @Column({ name: 'tender_id', type: 'int' }) tenderId!: number;
  @Column({ name: 'winner_bid_id', type: 'varchar', length: 36 }) winnerBidId!: string;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ name: 'budget_line_id', type: 'int' }) budgetLineId!: number;
  /** The supplier (乙方). */
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ type: 'varchar', length: 128 }) title!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ContractStatus;
  /** The original amount: the winning price, never changed; change orders add to `changes_fen`. */
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen!: string;
  /** The sum of approved change orders (at most 10 % of `amount_fen`). */
  @Column({ name: 'changes_fen', type: 'bigint' }) changesFen!: string;
  /**
   * JSON, editable while DRAFT: parties (purchaser, supplier with its bank account), scope, service standard,
   * acceptance method, other terms. Milestones are rows of their own.
   */
  @Column({ type: 'longtext' }) content!: string;
  @Column({ name: 'term_start', type: 'date' }) termStart!: string;
  @Column({ name: 'term_end', type: 'date' }) termEnd!: string;
  /** 12 by default; up to 36 where the budget line allows a multi-year contract. */
  @Column({ name: 'max_term_months', type: 'tinyint' }) maxTermMonths!: number;
  /** Days from an accepted milestone to its payment: 30 by default, at most 60. */
  @Column({ name: 'payment_days', type: 'tinyint' }) paymentDays!: number;
  /** Performance bond (履约保证金) in basis points of the amount (≤ 1000) and in fen. */
  @Column({ name: 'bond_bp', type: 'int' }) bondBp!: number;
  @Column({ name: 'bond_fen', type: 'bigint' }) bondFen!: string;
  @Column({ name: 'award_notice_at', type: 'datetime', precision: 3 }) awardNoticeAt!: Date;
  /** 30 days after the award notice (end of that Beijing day). */
  @Column({ name: 'signature_due_at', type: 'datetime', precision: 3 }) signatureDueAt!: Date;
  @Column({ name: 'signature_reminded_at', type: 'datetime', precision: 3, nullable: true })
  signatureRemindedAt!: Date | null;
  @Column({ name: 'signature_overdue_at', type: 'datetime', precision: 3, nullable: true })
  signatureOverdueAt!: Date | null;
  @Column({ name: 'purchaser_signed_by', type: 'int', nullable: true }) purchaserSignedBy!: number | null;
  @Column({ name: 'purchaser_signed_at', type: 'datetime', precision: 3, nullable: true })
  purchaserSignedAt!: Date | null;
  @Column({ name: 'supplier_signed_by', type: 'int', nullable: true }) supplierSignedBy!: number | null;
  @Column({ name: 'supplier_signed_at', type: 'datetime', precision: 3, nullable: true })
  supplierSignedAt!: Date | null;
  /** The canonical JSON of everything signed (content, term, amount, milestones), frozen at signing. */
  @Column({ name: 'frozen_content', type: 'longtext', nullable: true }) frozenContent!: string | null;
  /** SHA-256 (hex) of `frozen_content`: printed on every page of the PDF. */
  @Column({ name: 'content_sha256', type: 'char', length: 64, nullable: true }) contentSha256!: string | null;
  @Column({ name: 'signed_at', type: 'datetime', precision: 3, nullable: true }) signedAt!: Date | null;
  @Column({ name: 'commitment_entry_id', type: 'bigint', nullable: true }) commitmentEntryId!: string | null;
  /** 2 working days after signing. */
  @Column({ name: 'publication_due_at', type: 'datetime', precision: 3, nullable: true })
  publicationDueAt!: Date | null;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
  /** Set by the publication job when the notice was not published within 2 working days of signing. */
  @Column({ name: 'publication_overdue_at', type: 'datetime', precision: 3, nullable: true })
  publicationOverdueAt!: Date | null;
  @Column({ name: 'terminated_at', type: 'datetime', precision: 3, nullable: true }) terminatedAt!: Date | null;
  @Column({ name: 'termination_kind', type: 'varchar', length: 16, nullable: true }) terminationKind!:
    'AGREEMENT' | 'BREACH' | 'NOT_SIGNED' | null;
  @Column({ name: 'termination_reason', type: 'varchar', length: 500, nullable: true }) terminationReason!:
    string | null;
  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true }) completedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('contract_milestones')
@Index('uq_contract_milestones_seq', ['contractId', 'seq'], { unique: true })
@Index('idx_contract_milestones_due', ['status', 'dueAt'])
export class ContractMilestoneEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'contract_id', type: 'int' }) contractId!: number;
  /** 1, 2, …; the highest is the final tranche. */
  @Column({ type: 'tinyint' }) seq!: number;
  @Column({ type: 'varchar', length: 128 }) title!: string;
  @Column({ type: 'text' }) deliverables!: string;
  /** The Beijing calendar date it is due; `due_at` is the end of that day (24:00 Asia/Shanghai) in UTC. */
  @Column({ name: 'due_date', type: 'date' }) dueDate!: string;
  @Column({ name: 'due_at', type: 'datetime', precision: 3 }) dueAt!: Date;
  @Column({ name: 'share_bp', type: 'int' }) shareBp!: number;
  /** The tranche: the share of the contract amount, the last milestone absorbing rounding. */
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen!: string;
  @Column({ name: 'is_final', type: 'tinyint' }) isFinal!: number;
  @Column({ type: 'varchar', length: 16 }) status!: MilestoneStatus;
  @Column({ name: 'reminded_at', type: 'datetime', precision: 3, nullable: true }) remindedAt!: Date | null;
  /** Set by the due-date job when the milestone was not accepted (nor submitted) by its due time. */
  @Column({ name: 'overdue_at', type: 'datetime', precision: 3, nullable: true }) overdueAt!: Date | null;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'accepted_at', type: 'datetime', precision: 3, nullable: true }) acceptedAt!: Date | null;
  @Column({ name: 'accepted_by', type: 'int', nullable: true }) acceptedBy!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

export const CONTRACTS_ENTITY_LIST = [ContractEntity, ContractMilestoneEntity];
