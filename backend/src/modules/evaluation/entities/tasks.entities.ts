import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A mid-term sampling batch (中期抽查批次): one draw over a region subtree. `seed` is the 32 random bytes (hex)
 * the draw was made with; `candidates` the JSON of the candidate contracts by district (DrawGroupRecord[] of
 * services/sampling.service.ts), `drawn` the JSON of what the draw took from each: with the seed and `sample_bp`,
 * enough to re-run it (domain/sampling.ts).
 */
@Entity('evaluation_batches')
@Index('idx_evaluation_batches_region', ['regionPath', 'createdAt'])
export class EvaluationBatchEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  /** The share drawn in every district, basis points (3000 = 30 %). */
  @Column({ name: 'sample_bp', type: 'int' }) sampleBp!: number;
  @Column({ type: 'char', length: 64 }) seed!: string;
  @Column({ type: 'longtext' }) candidates!: string;
  @Column({ type: 'longtext' }) drawn!: string;
  @Column({ name: 'candidate_count', type: 'int' }) candidateCount!: number;
  @Column({ name: 'drawn_count', type: 'int' }) drawnCount!: number;
  /** The batch's MID_TERM tasks are due at this instant (24:00 Beijing of the due date). */
  @Column({ name: 'due_at', type: 'datetime', precision: 3 }) dueAt!: Date;
  @Column({ name: 'created_by', type: 'int' }) createdBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/**
 * An evaluator's employment (任职, with its dates) or declared relationship (自行申报的利害关系) with an
 * organisation: the evaluation agencies' counterpart of procurement's expert_affiliations, read by the same
 * conflict rule. Append-only.
 */
@Entity('evaluator_affiliations')
@Index('idx_evaluator_affiliations_evaluator', ['evaluatorId'])
@Index('idx_evaluator_affiliations_organisation', ['organisationId'])
export class EvaluatorAffiliationEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'evaluator_id', type: 'int' }) evaluatorId!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: 'EMPLOYMENT' | 'DECLARED';
  @Column({ name: 'started_on', type: 'date', nullable: true }) startedOn!: string | null;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) note!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const TASKS_ENTITY_LIST = [EvaluationBatchEntity, EvaluatorAffiliationEntity];
