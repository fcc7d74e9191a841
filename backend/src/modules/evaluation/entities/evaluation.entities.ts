import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { Grade } from '../domain/scoring';
import type { TaskKind, TaskStatus, TemplatePurpose, TemplateStatus } from '../domain/state-machines';

/**
 * An indicator template (指标体系): one version of a weighted tree (`tree`, the JSON of
 * domain/indicator-tree.ts IndicatorTree). `code` names the family, `version` counts its versions; a new
 * version is a copy. Frozen (`frozen_at`) once a task uses it: from then on it never changes.
 */
@Entity('evaluation_templates')
@Index('uq_evaluation_templates_code_version', ['code', 'version'], { unique: true })
@Index('idx_evaluation_templates_purpose', ['purpose', 'status'])
export class EvaluationTemplateEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 24 }) purpose!: TemplatePurpose;
  @Column({ type: 'varchar', length: 16 }) status!: TemplateStatus;
  /** 100 (project) or 1000 (grade assessment): the tree's total, a decimal text. */
  @Column({ name: 'total_points', type: 'decimal', precision: 9, scale: 2 }) totalPoints!: string;
  @Column({ type: 'longtext' }) tree!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) description!: string | null;
  @Column({ name: 'frozen_at', type: 'datetime', precision: 3, nullable: true }) frozenAt!: Date | null;
  @Column({ name: 'created_by', type: 'int', nullable: true }) createdBy!: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/**
 * An evaluation task (评估任务): the FINAL evaluation of a contract (one per contract) or a MID_TERM one drawn
 * by sampling. Assigned to an evaluation agency (`agency_id`, an organisation of kind EVALUATION_AGENCY) and one
 * of its evaluators. The result — `total_score` (rounded half-up to 2 places: shown, graded and paid on) and
 * `total_exact` (the exact sum as "n/d") — is set on submission.
 */
@Entity('evaluation_tasks')
@Index('uq_evaluation_tasks_code', ['code'], { unique: true })
@Index('uq_evaluation_tasks_final', ['finalKey'], { unique: true })
@Index('idx_evaluation_tasks_region_status', ['regionPath', 'status'])
@Index('idx_evaluation_tasks_contract', ['contractId', 'kind'])
@Index('idx_evaluation_tasks_agency', ['agencyId', 'status'])
@Index('idx_evaluation_tasks_evaluator', ['evaluatorId', 'status'])
@Index('idx_evaluation_tasks_organisation', ['organisationId', 'status'])
@Index('idx_evaluation_tasks_batch', ['batchId', 'status'])
@Index('idx_evaluation_tasks_status_due', ['status', 'dueAt'])
export class EvaluationTaskEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  /** 评估编号, e.g. PG-2026-000012. */
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: TaskKind;
  @Column({ type: 'varchar', length: 16 }) status!: TaskStatus;
  @Column({ name: 'contract_id', type: 'int' }) contractId!: number;
  @Column({ name: 'project_id', type: 'int' }) projectId!: number;
  /** The evaluated organisation (the contract's supplier). */
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  /** = contract_id for a FINAL task, NULL otherwise: one final evaluation per contract, enforced by the index. */
  @Column({ name: 'final_key', type: 'int', nullable: true }) finalKey!: number | null;
  /** The mid-term sampling batch that drew the task. */
  @Column({ name: 'batch_id', type: 'int', nullable: true }) batchId!: number | null;
  @Column({ name: 'template_id', type: 'int' }) templateId!: number;
  @Column({ name: 'agency_id', type: 'int', nullable: true }) agencyId!: number | null;
  @Column({ name: 'evaluator_id', type: 'int', nullable: true }) evaluatorId!: number | null;
  /** The evaluation is due by this instant (end of a Beijing day). */
  @Column({ name: 'due_at', type: 'datetime', precision: 3 }) dueAt!: Date;
  /** The reminder before the due time was sent (once). */
  @Column({ name: 'reminded_at', type: 'datetime', precision: 3, nullable: true }) remindedAt!: Date | null;
  @Column({ name: 'overdue_at', type: 'datetime', precision: 3, nullable: true }) overdueAt!: Date | null;
  @Column({ name: 'assigned_by', type: 'int', nullable: true }) assignedBy!: number | null;
  @Column({ name: 'assigned_at', type: 'datetime', precision: 3, nullable: true }) assignedAt!: Date | null;
  @Column({ name: 'started_at', type: 'datetime', precision: 3, nullable: true }) startedAt!: Date | null;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'returned_at', type: 'datetime', precision: 3, nullable: true }) returnedAt!: Date | null;
  @Column({ name: 'return_comment', type: 'varchar', length: 1000, nullable: true }) returnComment!: string | null;
  @Column({ name: 'confirmed_by', type: 'int', nullable: true }) confirmedBy!: number | null;
  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true }) confirmedAt!: Date | null;
  /** 5 working days after confirmation: the evaluated organisation may object until then. */
  @Column({ name: 'objection_due_at', type: 'datetime', precision: 3, nullable: true }) objectionDueAt!: Date | null;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'total_score', type: 'decimal', precision: 7, scale: 2, nullable: true }) totalScore!: string | null;
  @Column({ name: 'total_exact', type: 'varchar', length: 200, nullable: true }) totalExact!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) grade!: Grade | null;
  /** The evaluator's summary (总体评价). */
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/**
 * One leaf's score in a task. `score` is what the evaluator typed (manual leaves, overrides, insufficient
 * computed leaves); a computed leaf without an entry scores its computed value. The measure the computed
 * value came from (`actual` of `planned`) is stored when the task is submitted, so the record shows what was
 * seen then.
 */
@Entity('evaluation_scores')
@Index('uq_evaluation_scores_leaf', ['taskId', 'leafKey'], { unique: true })
export class EvaluationScoreEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'task_id', type: 'int' }) taskId!: number;
  @Column({ name: 'leaf_key', type: 'varchar', length: 32 }) leafKey!: string;
  @Column({ type: 'decimal', precision: 9, scale: 2, nullable: true }) score!: string | null;
  @Column({ name: 'override_reason', type: 'varchar', length: 1000, nullable: true }) overrideReason!: string | null;
  /** The evaluator's note on the leaf (what was seen, who was interviewed). */
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'measure_actual', type: 'decimal', precision: 18, scale: 4, nullable: true }) measureActual!:
    string | null;
  @Column({ name: 'measure_planned', type: 'decimal', precision: 18, scale: 4, nullable: true }) measurePlanned!:
    string | null;
  /** Why the measure could not score the leaf at submission (NO_PLAN, NO_DATA, TOO_FEW_ANSWERS), and how it counted. */
  @Column({ name: 'measure_insufficient', type: 'varchar', length: 24, nullable: true }) measureInsufficient!:
    string | null;
  @Column({ name: 'measure_basis', type: 'varchar', length: 32, nullable: true }) measureBasis!: string | null;
  /** The exact score that counted at submission ("n/d"), and where it came from. */
  @Column({ name: 'score_exact', type: 'varchar', length: 200, nullable: true }) scoreExact!: string | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) source!: string | null;
  @Column({ name: 'updated_by', type: 'int' }) updatedBy!: number;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/**
 * A project's residents' satisfaction survey (满意度调查): open to the residents who raised or supported the
 * project's needs and to those recorded as its beneficiaries. `token` is the unguessable code of the share link
 * and QR code. `questions` is the JSON list of 5-point questions (the first is the overall satisfaction that the
 * satisfaction rate counts) as the survey was opened; it does not change afterwards.
 */
@Entity('evaluation_surveys')
@Index('uq_evaluation_surveys_project', ['projectId'], { unique: true })
@Index('uq_evaluation_surveys_token', ['token'], { unique: true })
@Index('idx_evaluation_surveys_region', ['regionPath', 'status'])
export class SurveyEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'project_id', type: 'int' }) projectId!: number;
  @Column({ name: 'contract_id', type: 'int' }) contractId!: number;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'OPEN' | 'CLOSED';
  @Column({ type: 'char', length: 32 }) token!: string;
  @Column({ type: 'longtext' }) questions!: string;
  @Column({ name: 'opened_at', type: 'datetime', precision: 3 }) openedAt!: Date;
  /** The survey closes at this instant (end of a Beijing day), by job, or when the final task is submitted. */
  @Column({ name: 'closes_at', type: 'datetime', precision: 3 }) closesAt!: Date;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_by', type: 'int' }) createdBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/**
 * One verified resident's answer (the unique index enforces one per resident and survey; answering again while
 * the survey is open replaces it). `overall` is the first question's answer, 1–5: 4 (满意) and 5 (非常满意)
 * count as satisfied. `channel` says whether the resident answered (SELF) or a community worker took the
 * answer for them (PROXY, `proxy_by`). The evaluated organisation never sees rows, only figures.
 */
@Entity('evaluation_survey_answers')
@Index('uq_evaluation_survey_answers_resident', ['surveyId', 'residentId'], { unique: true })
export class SurveyAnswerEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'survey_id', type: 'int' }) surveyId!: number;
  @Column({ name: 'resident_id', type: 'int' }) residentId!: number;
  @Column({ type: 'varchar', length: 8 }) channel!: 'SELF' | 'PROXY';
  @Column({ name: 'proxy_by', type: 'int', nullable: true }) proxyBy!: number | null;
  @Column({ type: 'tinyint' }) overall!: number;
  /** JSON: the 5-point answer of every question, in the survey's order. */
  @Column({ type: 'varchar', length: 500 }) answers!: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) comment!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/**
 * Residents recorded as beneficiaries of a project (服务对象) by the community worker or the officer: with the
 * raisers and supporters of the project's needs, they may answer its survey.
 */
@Entity('evaluation_survey_beneficiaries')
@Index('uq_evaluation_survey_beneficiaries', ['projectId', 'residentId'], { unique: true })
export class SurveyBeneficiaryEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'project_id', type: 'int' }) projectId!: number;
  @Column({ name: 'resident_id', type: 'int' }) residentId!: number;
  @Column({ name: 'recorded_by', type: 'int' }) recordedBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const EVALUATION_ENTITY_LIST = [
  EvaluationTemplateEntity,
  EvaluationTaskEntity,
  EvaluationScoreEntity,
  SurveyEntity,
  SurveyAnswerEntity,
  SurveyBeneficiaryEntity,
];
