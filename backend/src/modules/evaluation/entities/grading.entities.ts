import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { AssessmentStatus } from '../domain/grade-assessment';

/**
 * A region's grade lines (等级分数线) from a day on: the points needed for 1A … 5A on the 1,000-point scale.
 * Append-only (triggers): an edit is a new row, the nearest region's row in force applies (domain/grade-cutoffs.ts).
 * `decided_by` NULL: the system (the seeded city default).
 */
@Entity('grade_cutoffs')
@Index('idx_grade_cutoffs_region', ['regionId', 'effectiveFrom'])
export class GradeCutoffEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'min_1a', type: 'decimal', precision: 7, scale: 2 }) min1!: string;
  @Column({ name: 'min_2a', type: 'decimal', precision: 7, scale: 2 }) min2!: string;
  @Column({ name: 'min_3a', type: 'decimal', precision: 7, scale: 2 }) min3!: string;
  @Column({ name: 'min_4a', type: 'decimal', precision: 7, scale: 2 }) min4!: string;
  @Column({ name: 'min_5a', type: 'decimal', precision: 7, scale: 2 }) min5!: string;
  /** YYYY-MM-DD (Beijing): the lines apply from the start of this day. */
  @Column({ name: 'effective_from', type: 'date', utc: true }) effectiveFrom!: string;
  /** The basis (e.g. the bureau's notice), as the officer typed it. */
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ name: 'decided_by', type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3 }) decidedAt!: Date;
}

/**
 * A grade assessment (等级评估) of a social organisation (domain/grade-assessment.ts). `region_path` is the
 * organisation's registered region when opened (officers of that subtree run it). On submission: the exact total
 * (`total_exact` "n/d", `total_points` rounded half-up to 2 places), the lines it was graded by (`cutoff_id`) and the
 * grade they give (`proposed_grade`, NULL below 1A). On decision: the grade set on the organisation, its last valid
 * day and the decision document (an organisation document).
 */
@Entity('grade_assessments')
@Index('uq_grade_assessments_code', ['code'], { unique: true })
@Index('uq_grade_assessments_open', ['openKey'], { unique: true })
@Index('idx_grade_assessments_region_status', ['regionPath', 'status'])
@Index('idx_grade_assessments_organisation', ['organisationId', 'status'])
export class GradeAssessmentEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  /** 等级编号, e.g. DJ-2026-000012. */
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ name: 'template_id', type: 'int' }) templateId!: number;
  @Column({ type: 'varchar', length: 16 }) status!: AssessmentStatus;
  /** = organisation_id while the assessment is open, NULL otherwise: one open assessment per organisation. */
  @Column({ name: 'open_key', type: 'int', nullable: true }) openKey!: number | null;
  @Column({ name: 'opened_by', type: 'int' }) openedBy!: number;
  @Column({ name: 'opened_at', type: 'datetime', precision: 3 }) openedAt!: Date;
  @Column({ name: 'submitted_by', type: 'int', nullable: true }) submittedBy!: number | null;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'total_points', type: 'decimal', precision: 8, scale: 2, nullable: true }) totalPoints!:
    string | null;
  @Column({ name: 'total_exact', type: 'varchar', length: 200, nullable: true }) totalExact!: string | null;
  @Column({ name: 'proposed_grade', type: 'tinyint', nullable: true }) proposedGrade!: number | null;
  @Column({ name: 'cutoff_id', type: 'int', nullable: true }) cutoffId!: number | null;
  /** The assessors' overall comment (总体评价). */
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ name: 'returned_by', type: 'int', nullable: true }) returnedBy!: number | null;
  @Column({ name: 'returned_at', type: 'datetime', precision: 3, nullable: true }) returnedAt!: Date | null;
  @Column({ name: 'return_comment', type: 'varchar', length: 1000, nullable: true }) returnComment!: string | null;
  @Column({ name: 'decided_by', type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_document_id', type: 'int', nullable: true }) decisionDocumentId!: number | null;
  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true }) decisionNote!: string | null;
  /** The grade decided (1..5; NULL: below the 1A line, no grade). */
  @Column({ type: 'tinyint', nullable: true }) grade!: number | null;
  @Column({ name: 'grade_expires_on', type: 'date', nullable: true, utc: true }) gradeExpiresOn!: string | null;
  @Column({ name: 'cancelled_by', type: 'int', nullable: true }) cancelledBy!: number | null;
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true }) cancelReason!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/** One leaf's score in a grade assessment, with the assessor's evidence note (what was read, seen, asked). */
@Entity('grade_assessment_scores')
@Index('uq_grade_assessment_scores_leaf', ['assessmentId', 'leafKey'], { unique: true })
export class GradeAssessmentScoreEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'assessment_id', type: 'int' }) assessmentId!: number;
  @Column({ name: 'leaf_key', type: 'varchar', length: 32 }) leafKey!: string;
  @Column({ type: 'decimal', precision: 9, scale: 2, nullable: true }) score!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'updated_by', type: 'int' }) updatedBy!: number;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

export const GRADING_ENTITY_LIST = [GradeCutoffEntity, GradeAssessmentEntity, GradeAssessmentScoreEntity];
