import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { EvidenceKind } from '../domain/milestone-rules';

export type ReportStatus = 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';

/**
 * A progress report (进度报告) of a milestone: each submission is a new version; a returned one is kept as it was,
 * with the officer's reason. Activities, hours and output actuals are JSON (decimals as strings).
 */
@Entity('contract_milestone_reports')
@Index('uq_contract_milestone_reports_version', ['milestoneId', 'version'], { unique: true })
@Index('idx_contract_milestone_reports_contract', ['contractId'])
export class MilestoneReportEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'contract_id', type: 'int' }) contractId!: number;
  @Column({ name: 'milestone_id', type: 'int' }) milestoneId!: number;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'varchar', length: 16 }) status!: ReportStatus;
  @Column({ type: 'varchar', length: 2000, nullable: true }) summary!: string | null;
  /** `[{ date, place, content, participants }]` */
  @Column({ type: 'longtext' }) activities!: string;
  /** `[{ beneficiary, hours }]`, hours as decimal text. */
  @Column({ name: 'service_hours', type: 'longtext' }) serviceHours!: string;
  /** `[{ code, actual }]`, actual as decimal text. */
  @Column({ type: 'longtext' }) outputs!: string;
  @Column({ name: 'submitted_by', type: 'int' }) submittedBy!: number;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 }) submittedAt!: Date;
  @Column({ name: 'decided_by', type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'return_reason', type: 'varchar', length: 500, nullable: true }) returnReason!: string | null;
}

/**
 * An evidence file of a milestone (a photo or an attendance sheet), typed by its content, with its SHA-256 and, for
 * photos, a server-made thumbnail. Uploaded before the report that cites it; the bytes are selected only to serve them.
 */
@Entity('contract_evidence')
@Index('idx_contract_evidence_milestone', ['milestoneId', 'id'])
@Index('idx_contract_evidence_contract', ['contractId'])
export class EvidenceEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'contract_id', type: 'int' }) contractId!: number;
  @Column({ name: 'milestone_id', type: 'int' }) milestoneId!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: EvidenceKind;
  @Column({ name: 'file_name', type: 'varchar', length: 200 }) fileName!: string;
  @Column({ type: 'varchar', length: 64 }) mime!: string;
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'mediumblob', select: false }) content!: Buffer;
  /** null: no smaller picture could be made here (the original is served as its own thumbnail). */
  @Column({ name: 'thumb_mime', type: 'varchar', length: 64, nullable: true }) thumbMime!: string | null;
  @Column({ name: 'thumb_content', type: 'mediumblob', nullable: true, select: false }) thumbContent!: Buffer | null;
  @Column({ name: 'uploaded_by', type: 'int' }) uploadedBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** Which evidence a report version cites (a resubmission may cite the files of the returned one). */
@Entity('contract_report_evidence')
@Index('idx_contract_report_evidence_evidence', ['evidenceId'])
export class ReportEvidenceEntity {
  @PrimaryColumn({ name: 'report_id', type: 'int' }) reportId!: number;
  @PrimaryColumn({ name: 'evidence_id', type: 'int' }) evidenceId!: number;
}

/**
 * The output values of an accepted milestone, as data for the evaluation (issue #10 item 4): one row per output
 * indicator of the project plan, target and actual as DECIMAL (strings from mysql2, never floats).
 */
@Entity('contract_output_values')
@Index('uq_contract_output_values_indicator', ['milestoneId', 'indicatorCode'], { unique: true })
@Index('idx_contract_output_values_contract', ['contractId'])
export class OutputValueEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'contract_id', type: 'int' }) contractId!: number;
  @Column({ name: 'milestone_id', type: 'int' }) milestoneId!: number;
  @Column({ name: 'report_id', type: 'int' }) reportId!: number;
  @Column({ name: 'indicator_code', type: 'varchar', length: 16 }) indicatorCode!: string;
  @Column({ name: 'indicator_name', type: 'varchar', length: 64 }) indicatorName!: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) unit!: string | null;
  @Column({ name: 'target_text', type: 'varchar', length: 128 }) targetText!: string;
  @Column({ name: 'target_value', type: 'decimal', precision: 18, scale: 4, nullable: true }) targetValue!:
    string | null;
  @Column({ name: 'actual_value', type: 'decimal', precision: 18, scale: 4 }) actualValue!: string;
  @Column({ name: 'accepted_at', type: 'datetime', precision: 3 }) acceptedAt!: Date;
}

export const REPORTS_ENTITY_LIST = [MilestoneReportEntity, EvidenceEntity, ReportEvidenceEntity, OutputValueEntity];
