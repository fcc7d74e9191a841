import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { EvaluationEvidenceKind } from '../domain/evidence-rules';

/**
 * The evaluator's evidence of a task (佐证材料): a document or a site-visit photo (the file typed by its content, its
 * SHA-256, a thumbnail for photos; a photo carries the time and place the evaluator typed and the camera's EXIF time
 * when it has one) or an interview note (who, when, where, a summary — `sha256` of its canonical text). The bytes
 * are selected only to serve them. Linked to leaves by `evaluation_evidence_leaves`.
 */
@Entity('evaluation_evidence')
@Index('idx_evaluation_evidence_task', ['taskId', 'id'])
export class EvaluationEvidenceEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'task_id', type: 'int' }) taskId!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: EvaluationEvidenceKind;
  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true }) fileName!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) mime!: string | null;
  @Column({ type: 'int', nullable: true }) size!: number | null;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'mediumblob', nullable: true, select: false }) content!: Buffer | null;
  @Column({ name: 'thumb_mime', type: 'varchar', length: 64, nullable: true }) thumbMime!: string | null;
  @Column({ name: 'thumb_content', type: 'mediumblob', nullable: true, select: false }) thumbContent!: Buffer | null;
  /** When the photo was taken / the interview held, as the evaluator typed it. */
  @Column({ name: 'taken_at', type: 'datetime', precision: 3, nullable: true }) takenAt!: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) place!: string | null;
  /** The camera's time (EXIF DateTimeOriginal; Beijing time when it has no offset), when the photo carries one. */
  @Column({ name: 'exif_taken_at', type: 'datetime', precision: 3, nullable: true }) exifTakenAt!: Date | null;
  /** Interview notes: who was interviewed (never shown to the evaluated organisation) and what was said. */
  @Column({ type: 'varchar', length: 100, nullable: true }) interviewee!: string | null;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ name: 'uploaded_by', type: 'int' }) uploadedBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** Which leaves of the task's tree a piece of evidence supports (one or more). */
@Entity('evaluation_evidence_leaves')
@Index('idx_evaluation_evidence_leaves_task', ['taskId', 'leafKey'])
export class EvaluationEvidenceLeafEntity {
  @PrimaryColumn({ name: 'evidence_id', type: 'int' }) evidenceId!: number;
  @PrimaryColumn({ name: 'leaf_key', type: 'varchar', length: 32 }) leafKey!: string;
  @Column({ name: 'task_id', type: 'int' }) taskId!: number;
}

export const SCORING_ENTITY_LIST = [EvaluationEvidenceEntity, EvaluationEvidenceLeafEntity];
