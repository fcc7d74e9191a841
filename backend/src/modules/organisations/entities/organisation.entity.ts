import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { GradeProposalStatus } from '../domain/grade-proposal';
import type { OrganisationStatus } from '../domain/organisation.state-machine';
import type { DocumentKind, OrganisationKind, OrgType } from '../domain/registry-rules';

export type { OrganisationKind } from '../domain/registry-rules';

/**
 * A social organisation or an evaluation agency: registration data, review status, grade, bank
 * account. Its region's materialised path is read from the regions table by join (never copied).
 */
@Entity('organisations')
@Index('uq_organisations_credit_code', ['creditCode'], { unique: true })
@Index('idx_organisations_status', ['status', 'kind'])
@Index('idx_organisations_blacklisted_until', ['blacklistedUntil'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: OrganisationKind;

  /** 统一社会信用代码 (18 characters, GB 32100 check character). */
  @Column({ name: 'credit_code', type: 'char', length: 18 })
  creditCode!: string;

  /** Registered region (登记机关所在地): a district or a street. */
  @Column({ name: 'region_id', type: 'int' })
  regionId!: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'org_type', type: 'varchar', length: 24, nullable: true })
  orgType!: OrgType | null;

  @Column({ name: 'legal_representative', type: 'varchar', length: 64, nullable: true })
  legalRepresentative!: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone!: string | null;

  /** 1..5 = 1A..5A. */
  @Column({ type: 'tinyint', nullable: true })
  grade!: number | null;

  /** Last day the grade is valid, `YYYY-MM-DD` (Asia/Shanghai; `utc` keeps the process time zone out of it). */
  @Column({ name: 'grade_expires_on', type: 'date', nullable: true, utc: true })
  gradeExpiresOn!: string | null;

  /** The officer who decided the grade; null with a decision time: the system (seed, data present before). */
  @Column({ name: 'grade_decided_by', type: 'int', nullable: true })
  gradeDecidedBy!: number | null;

  /** When the grade was decided. A trigger refuses a change of grade without a new decision time. */
  @Column({ name: 'grade_decided_at', type: 'datetime', precision: 3, nullable: true })
  gradeDecidedAt!: Date | null;

  /** The certificate the grade was decided on. */
  @Column({ name: 'grade_document_id', type: 'int', nullable: true })
  gradeDocumentId!: number | null;

  /** When the grade-expiry job announced that this grade's last valid day had ended; a new decision clears it. */
  @Column({ name: 'grade_expired_at', type: 'datetime', precision: 3, nullable: true })
  gradeExpiredAt!: Date | null;

  @Column({ name: 'bank_name', type: 'varchar', length: 128, nullable: true })
  bankName!: string | null;

  @Column({ name: 'bank_account_name', type: 'varchar', length: 128, nullable: true })
  bankAccountName!: string | null;

  @Column({ name: 'bank_account_no', type: 'varchar', length: 40, nullable: true })
  bankAccountNo!: string | null;

  @Column({ type: 'varchar', length: 20, default: 'ACTIVE' })
  status!: OrganisationStatus;

  /** Why it was returned, suspended or blacklisted (shown to the organisation). */
  @Column({ name: 'status_reason', type: 'varchar', length: 500, nullable: true })
  statusReason!: string | null;

  /** The instant a blacklisting ends (24:00 Asia/Shanghai of its last day). */
  @Column({ name: 'blacklisted_until', type: 'datetime', precision: 3, nullable: true })
  blacklistedUntil!: Date | null;

  @Column({ name: 'reviewed_by', type: 'int', nullable: true })
  reviewedBy!: number | null;

  @Column({ name: 'reviewed_at', type: 'datetime', precision: 3, nullable: true })
  reviewedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true })
  updatedAt!: Date | null;
}

/** A region an organisation serves (服务区域), besides where it is registered. */
@Entity('organisation_service_areas')
@Index('idx_organisation_service_areas_region', ['regionId'])
export class OrganisationServiceAreaEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @PrimaryColumn({ name: 'region_id', type: 'int' }) regionId!: number;
}

/** A qualification document (certificate scan), typed by its content; the bytes are selected only for download. */
@Entity('organisation_documents')
@Index('idx_organisation_documents_org', ['organisationId', 'id'])
export class OrganisationDocumentEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ type: 'varchar', length: 32 }) kind!: DocumentKind;
  @Column({ name: 'file_name', type: 'varchar', length: 200 }) fileName!: string;
  @Column({ type: 'varchar', length: 64 }) mime!: string;
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'mediumblob', select: false }) content!: Buffer;
  @Column({ name: 'uploaded_by', type: 'int' }) uploadedBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** One line of the append-only performance record (triggers refuse UPDATE and DELETE). */
@Entity('organisation_records')
@Index('idx_organisation_records_org', ['organisationId', 'id'])
@Index('idx_organisation_records_reference', ['referenceType', 'referenceId'])
export class OrganisationRecordEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  /** A template key and its parameters (JSON), rendered when read; lines from before templates: null. */
  @Column({ type: 'varchar', length: 64, nullable: true }) template!: string | null;
  @Column({ type: 'longtext', nullable: true }) params!: string | null;
  /** The stored text of a line written before templates (null for newer lines). */
  @Column({ type: 'varchar', length: 500, nullable: true }) summary!: string | null;
  @Column({ name: 'reference_type', type: 'varchar', length: 32, nullable: true }) referenceType!: string | null;
  @Column({ name: 'reference_id', type: 'varchar', length: 64, nullable: true }) referenceId!: string | null;
  @Column({ name: 'grade_label', type: 'varchar', length: 16, nullable: true }) gradeLabel!: string | null;
  /** BIGINT fen; mysql2 returns it as a string. */
  @Column({ name: 'amount_fen', type: 'bigint', nullable: true }) amountFen!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** A grade proposed by the organisation's members, decided by an officer of its region (`domain/grade-proposal.ts`). */
@Entity('organisation_grade_proposals')
@Index('idx_grade_proposals_org', ['organisationId', 'id'])
@Index('idx_grade_proposals_status', ['status', 'organisationId'])
export class OrganisationGradeProposalEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  /** 1..5 = 1A..5A. */
  @Column({ type: 'tinyint' }) grade!: number;
  @Column({ name: 'expires_on', type: 'date', utc: true }) expiresOn!: string;
  /** Null only for proposals made of self-set grades by the upgrade (they cannot be approved without one). */
  @Column({ name: 'document_id', type: 'int', nullable: true }) documentId!: number | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: GradeProposalStatus;
  @Column({ name: 'proposed_by', type: 'int', nullable: true }) proposedBy!: number | null;
  @Column({ name: 'proposed_at', type: 'datetime', precision: 3 }) proposedAt!: Date;
  @Column({ name: 'decided_by', type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_reason', type: 'varchar', length: 500, nullable: true }) decisionReason!: string | null;
}

export const ORGANISATIONS_ENTITY_LIST = [
  OrganisationEntity,
  OrganisationServiceAreaEntity,
  OrganisationDocumentEntity,
  OrganisationRecordEntity,
  OrganisationGradeProposalEntity,
];
