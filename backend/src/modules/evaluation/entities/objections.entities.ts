import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { EvaluationObjectionStatus } from '../domain/objection.state-machine';

/**
 * An objection (异议) of the evaluated organisation to a confirmed evaluation result, filed by one of its members
 * within the window (`window_due_at`, the task's `objection_due_at` when it was filed) and decided by an officer of
 * the task's region: UPHELD (the result goes back to the evaluator) or DISMISSED (`answer`: the reasons).
 * `open_key` is the task's id while the objection is FILED and NULL once decided: the unique index allows one open
 * objection per task. `region_path` is the task's, for the officers' scope.
 */
@Entity('evaluation_objections')
@Index('uq_evaluation_objections_open', ['openKey'], { unique: true })
@Index('idx_evaluation_objections_task', ['taskId', 'status'])
@Index('idx_evaluation_objections_region', ['regionPath', 'status'])
@Index('idx_evaluation_objections_organisation', ['organisationId', 'id'])
export class EvaluationObjectionEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'task_id', type: 'int' }) taskId!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ type: 'varchar', length: 16 }) status!: EvaluationObjectionStatus;
  @Column({ name: 'open_key', type: 'int', nullable: true }) openKey!: number | null;
  /** 异议理由, as the member wrote it. */
  @Column({ type: 'text' }) reasons!: string;
  /** The end of the window the objection was filed in. */
  @Column({ name: 'window_due_at', type: 'datetime', precision: 3 }) windowDueAt!: Date;
  @Column({ name: 'filed_by', type: 'int' }) filedBy!: number;
  @Column({ name: 'filed_at', type: 'datetime', precision: 3 }) filedAt!: Date;
  @Column({ name: 'decided_by', type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  /** The officer's answer: why the objection is upheld or dismissed. */
  @Column({ type: 'varchar', length: 2000, nullable: true }) answer!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

/** A file attached to an objection (PDF, PNG or JPEG by content, 5 MB at most). */
@Entity('evaluation_objection_files')
@Index('idx_evaluation_objection_files_objection', ['objectionId'])
export class EvaluationObjectionFileEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'objection_id', type: 'int' }) objectionId!: number;
  @Column({ name: 'file_name', type: 'varchar', length: 200 }) fileName!: string;
  @Column({ type: 'varchar', length: 64 }) mime!: string;
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'mediumblob', select: false }) content!: Buffer;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const EVALUATION_OBJECTION_ENTITY_LIST = [EvaluationObjectionEntity, EvaluationObjectionFileEntity];
