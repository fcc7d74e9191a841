import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { BarReason } from '../domain/evaluation-bars';

/**
 * An organisation's published evaluation results (issue #11 item 5), as the registry keeps them: what later
 * committees see beside its bids (code, year, score, grade) and what its record shows. Written once per source
 * (the evaluation task) by the evaluation context at publication; never changed.
 */
@Entity('organisation_evaluation_results')
@Index('uq_organisation_evaluation_results_source', ['sourceType', 'sourceId'], { unique: true })
@Index('idx_organisation_evaluation_results_org', ['organisationId', 'publishedAt'])
export class OrganisationEvaluationResultEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  /** `evaluation_task`. */
  @Column({ name: 'source_type', type: 'varchar', length: 32 }) sourceType!: string;
  @Column({ name: 'source_id', type: 'int' }) sourceId!: number;
  /** 评估编号, e.g. PG-2026-000012. */
  @Column({ type: 'varchar', length: 32 }) code!: string;
  /** FINAL or MID_TERM. */
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  /** The evaluated project's title. */
  @Column({ type: 'varchar', length: 128 }) title!: string;
  /** The Beijing year of publication. */
  @Column({ type: 'smallint' }) year!: number;
  /** The score as shown (2 places). */
  @Column({ type: 'decimal', precision: 7, scale: 2 }) score!: string;
  /** EXCELLENT, GOOD, PASS or FAIL. */
  @Column({ type: 'varchar', length: 16 }) grade!: string;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ name: 'published_at', type: 'datetime', precision: 3 }) publishedAt!: Date;
}

/**
 * A bar from bidding in a region subtree (`region_path`) until `ends_at` (24:00 Beijing time of `until_date`),
 * after a failed evaluation (`reason` EVALUATION_FAIL, its source the evaluation task). The procurement
 * eligibility check reads the bars in force and says why.
 */
@Entity('organisation_bars')
@Index('uq_organisation_bars_source', ['sourceType', 'sourceId'], { unique: true })
@Index('idx_organisation_bars_org', ['organisationId', 'endsAt'])
export class OrganisationBarEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ type: 'varchar', length: 32 }) reason!: BarReason;
  @Column({ name: 'source_type', type: 'varchar', length: 32 }) sourceType!: string;
  @Column({ name: 'source_id', type: 'int' }) sourceId!: number;
  /** The evaluation's code (评估编号). */
  @Column({ name: 'source_code', type: 'varchar', length: 32 }) sourceCode!: string;
  @Column({ type: 'decimal', precision: 7, scale: 2 }) score!: string;
  @Column({ type: 'varchar', length: 16 }) grade!: string;
  @Column({ name: 'starts_at', type: 'datetime', precision: 3 }) startsAt!: Date;
  /** The last day of the bar, `YYYY-MM-DD` (Beijing). */
  @Column({ name: 'until_date', type: 'date', utc: true }) untilDate!: string;
  @Column({ name: 'ends_at', type: 'datetime', precision: 3 }) endsAt!: Date;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export const ORGANISATION_EVALUATION_ENTITY_LIST = [OrganisationEvaluationResultEntity, OrganisationBarEntity];
