import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { BidStatus, ObjectionStatus, ProjectStatus, TenderMethod, TenderStatus } from '../domain/state-machines';

/** Money columns are BIGINT fen (strings from mysql2, BigInt in the services). */
@Entity('projects')
@Index('idx_projects_region_status', ['regionPath', 'status'])
@Index('idx_projects_line', ['budgetLineId'])
export class ProjectEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ type: 'varchar', length: 128 }) title!: string;
  @Column({ name: 'catalogue_item_id', type: 'int' }) catalogueItemId!: number;
  @Column({ name: 'item_code', type: 'varchar', length: 16 }) itemCode!: string;
  @Column({ name: 'category_code', type: 'varchar', length: 16 }) categoryCode!: string;
  @Column({ type: 'int' }) quantity!: number;
  @Column({ name: 'unit_price_fen', type: 'bigint' }) unitPriceFen!: string;
  @Column({ name: 'estimated_fen', type: 'bigint' }) estimatedFen!: string;
  @Column({ name: 'budget_line_id', type: 'int' }) budgetLineId!: number;
  /** JSON: objectives, schedule, budget breakdown, beneficiaries, output and outcome indicators. */
  @Column({ type: 'longtext' }) plan!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ProjectStatus;
  @Column({ name: 'reservation_entry_id', type: 'bigint', nullable: true }) reservationEntryId!: string | null;
  @Column({ name: 'created_by', type: 'int' }) createdBy!: number;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'decided_by', type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_note', type: 'varchar', length: 500, nullable: true }) decisionNote!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('project_needs')
@Index('idx_project_needs_need', ['needId'])
export class ProjectNeedEntity {
  @PrimaryColumn({ name: 'project_id', type: 'int' }) projectId!: number;
  @PrimaryColumn({ name: 'need_id', type: 'int' }) needId!: number;
}

@Entity('tenders')
@Index('idx_tenders_project', ['projectId'])
@Index('idx_tenders_status_deadline', ['status', 'bidDeadline'])
@Index('idx_tenders_region', ['regionPath'])
export class TenderEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'project_id', type: 'int' }) projectId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ type: 'varchar', length: 128 }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'varchar', length: 32 }) method!: TenderMethod;
  @Column({ type: 'varchar', length: 16 }) status!: TenderStatus;
  @Column({ name: 'min_grade', type: 'tinyint', nullable: true }) minGrade!: number | null;
  @Column({ name: 'designated_organisation_id', type: 'int', nullable: true }) designatedOrganisationId!: number | null;
  @Column({ name: 'scoring_method', type: 'varchar', length: 16 }) scoringMethod!: 'COMPREHENSIVE' | 'LOWEST_PRICE';
  @Column({ name: 'price_weight_pct', type: 'tinyint' }) priceWeightPct!: number;
  /** JSON array of { code, name, maxCents }. */
  @Column({ type: 'longtext' }) criteria!: string;
  @Column({ name: 'max_price_fen', type: 'bigint' }) maxPriceFen!: string;
  /** Bid deposit (投标保证金) each bidder pays, at most 2 % of the project budget; null when none is required. */
  @Column({ name: 'bid_deposit_fen', type: 'bigint', nullable: true }) bidDepositFen!: string | null;
  @Column({ name: 'committee_size', type: 'tinyint' }) committeeSize!: number;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'bid_deadline', type: 'datetime', precision: 3 }) bidDeadline!: Date;
  @Column({ name: 'opened_at', type: 'datetime', precision: 3, nullable: true }) openedAt!: Date | null;
  @Column({ name: 'evaluation_round', type: 'int' }) evaluationRound!: number;
  /** JSON: the expert pool's size and the experts excluded for a conflict at the draw. */
  @Column({ name: 'committee_note', type: 'longtext', nullable: true }) committeeNote!: string | null;
  @Column({ type: 'longtext', nullable: true }) report!: string | null;
  @Column({ name: 'report_at', type: 'datetime', precision: 3, nullable: true }) reportAt!: Date | null;
  @Column({ name: 'confirmation_due_at', type: 'datetime', precision: 3, nullable: true })
  confirmationDueAt!: Date | null;
  @Column({ name: 'confirmation_reminded_at', type: 'datetime', precision: 3, nullable: true })
  confirmationRemindedAt!: Date | null;
  @Column({ name: 'winner_bid_id', type: 'varchar', length: 36, nullable: true }) winnerBidId!: string | null;
  @Column({ name: 'award_notice_at', type: 'datetime', precision: 3, nullable: true }) awardNoticeAt!: Date | null;
  @Column({ name: 'objection_window_ends_at', type: 'datetime', precision: 3, nullable: true })
  objectionWindowEndsAt!: Date | null;
  @Column({ name: 'awarded_at', type: 'datetime', precision: 3, nullable: true }) awardedAt!: Date | null;
  @Column({ name: 'outcome_note', type: 'varchar', length: 500, nullable: true }) outcomeNote!: string | null;
  @Column({ name: 'created_by', type: 'int' }) createdBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('tender_interests')
@Index('idx_tender_interests_org', ['organisationId'])
export class TenderInterestEntity {
  @PrimaryColumn({ name: 'tender_id', type: 'int' }) tenderId!: number;
  @PrimaryColumn({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

export type NoticeKind = 'CLARIFICATION' | 'AMENDMENT';

@Entity('tender_notices')
@Index('idx_tender_notices_tender', ['tenderId', 'id'])
export class TenderNoticeEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'tender_id', type: 'int' }) tenderId!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: NoticeKind;
  @Column({ type: 'varchar', length: 16 }) status!: 'ASKED' | 'PUBLISHED';
  @Column({ type: 'text', nullable: true }) question!: string | null;
  @Column({ name: 'asked_by_organisation_id', type: 'int', nullable: true }) askedByOrganisationId!: number | null;
  @Column({ type: 'text', nullable: true }) body!: string | null;
  @Column({ name: 'affects_preparation', type: 'tinyint' }) affectsPreparation!: number;
  @Column({ name: 'deadline_before', type: 'datetime', precision: 3, nullable: true }) deadlineBefore!: Date | null;
  @Column({ name: 'deadline_after', type: 'datetime', precision: 3, nullable: true }) deadlineAfter!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'published_by', type: 'int', nullable: true }) publishedBy!: number | null;
}

@Entity('bids')
@Index('idx_bids_tender_org', ['tenderId', 'organisationId', 'status'])
@Index('idx_bids_tender_status', ['tenderId', 'status'])
export class BidEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'tender_id', type: 'int' }) tenderId!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'varchar', length: 16 }) status!: BidStatus;
  @Column({ name: 'price_fen', type: 'bigint' }) priceFen!: string;
  /** JSON: criterion code → the organisation's response text. */
  @Column({ type: 'longtext' }) technical!: string;
  @Column({ name: 'seal_sha256', type: 'char', length: 64 }) sealSha256!: string;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 }) submittedAt!: Date;
  @Column({ name: 'submitted_by', type: 'int' }) submittedBy!: number;
  @Column({ name: 'needs_reconfirm', type: 'tinyint' }) needsReconfirm!: number;
  @Column({ name: 'reconfirmed_at', type: 'datetime', precision: 3, nullable: true }) reconfirmedAt!: Date | null;
  /** When it was withdrawn or replaced. */
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt!: Date | null;
  @Column({ name: 'qualification_reason', type: 'varchar', length: 500, nullable: true }) qualificationReason!:
    string | null;
  @Column({ name: 'price_score_cents', type: 'int', nullable: true }) priceScoreCents!: number | null;
  @Column({ name: 'technical_score_cents', type: 'int', nullable: true }) technicalScoreCents!: number | null;
  @Column({ name: 'total_cents', type: 'int', nullable: true }) totalCents!: number | null;
  @Column({ name: 'rank_no', type: 'int', nullable: true }) rankNo!: number | null;
}

@Entity('bid_documents')
@Index('idx_bid_documents_bid', ['bidId'])
export class BidDocumentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'bid_id', type: 'varchar', length: 36 }) bidId!: string;
  @Column({ name: 'file_name', type: 'varchar', length: 200 }) fileName!: string;
  @Column({ type: 'varchar', length: 64 }) mime!: string;
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'mediumblob', select: false }) content!: Buffer;
}

/** The sealed journal of bid actions: nobody reads it before opening; at opening it joins the audit chain. */
@Entity('bid_events')
@Index('idx_bid_events_tender', ['tenderId', 'id'])
export class BidEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'tender_id', type: 'int' }) tenderId!: number;
  /** Null for interest registrations and questions (they too reveal who may bid). */
  @Column({ name: 'bid_id', type: 'varchar', length: 36, nullable: true }) bidId!: string | null;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ name: 'actor_id', type: 'int', nullable: true }) actorId!: number | null;
  @Column({ name: 'actor_username', type: 'varchar', length: 64 }) actorUsername!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @Column({ type: 'varchar', length: 48 }) action!: string;
  @Column({ type: 'longtext' }) payload!: string;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 }) occurredAt!: Date;
  @Column({ name: 'unsealed_at', type: 'datetime', precision: 3, nullable: true }) unsealedAt!: Date | null;
}

@Entity('expert_affiliations')
@Index('idx_expert_affiliations_expert', ['expertId'])
export class ExpertAffiliationEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'expert_id', type: 'int' }) expertId!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  /** EMPLOYMENT (任职) or DECLARED (自行申报的利害关系). */
  @Column({ type: 'varchar', length: 16 }) kind!: 'EMPLOYMENT' | 'DECLARED';
  @Column({ name: 'started_on', type: 'date', nullable: true }) startedOn!: string | null;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) note!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('committee_members')
@Index('idx_committee_members_expert', ['expertId'])
export class CommitteeMemberEntity {
  @PrimaryColumn({ name: 'tender_id', type: 'int' }) tenderId!: number;
  /** The member's user id: an expert drawn from the pool, or a purchaser representative. */
  @PrimaryColumn({ name: 'expert_id', type: 'int' }) expertId!: number;
  /** EXPERT (drawn at random) or PURCHASER_REP (采购人代表, at most one third of the seats). */
  @Column({ type: 'varchar', length: 16 }) seat!: 'EXPERT' | 'PURCHASER_REP';
  @Column({ name: 'drawn_at', type: 'datetime', precision: 3 }) drawnAt!: Date;
}

@Entity('bid_scores')
@Index('idx_bid_scores_bid', ['bidId'])
export class BidScoreEntity {
  @PrimaryColumn({ name: 'tender_id', type: 'int' }) tenderId!: number;
  @PrimaryColumn({ type: 'int' }) round!: number;
  @PrimaryColumn({ name: 'expert_id', type: 'int' }) expertId!: number;
  @PrimaryColumn({ name: 'bid_id', type: 'varchar', length: 36 }) bidId!: string;
  /** JSON: criterion code → score in hundredths of a point. */
  @Column({ type: 'longtext' }) scores!: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) comment!: string | null;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 }) submittedAt!: Date;
}

@Entity('objections')
@Index('idx_objections_tender', ['tenderId', 'status'])
@Index('idx_objections_organisation', ['organisationId', 'status'])
export class ObjectionEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'tender_id', type: 'int' }) tenderId!: number;
  @Column({ name: 'organisation_id', type: 'int' }) organisationId!: number;
  @Column({ name: 'filed_by', type: 'int' }) filedBy!: number;
  @Column({ type: 'text' }) grounds!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ObjectionStatus;
  @Column({ name: 'filed_at', type: 'datetime', precision: 3 }) filedAt!: Date;
  @Column({ name: 'answer_due_at', type: 'datetime', precision: 3 }) answerDueAt!: Date;
  @Column({ name: 'reviewed_by', type: 'int', nullable: true }) reviewedBy!: number | null;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) action!: 'RE_EVALUATE' | 'CANCEL' | null;
  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true }) answeredAt!: Date | null;
  /** When the officer was reminded that the answer is due (once). */
  @Column({ name: 'reminded_at', type: 'datetime', precision: 3, nullable: true }) remindedAt!: Date | null;
}

export const PROCUREMENT_ENTITY_LIST = [
  ProjectEntity,
  ProjectNeedEntity,
  TenderEntity,
  TenderInterestEntity,
  TenderNoticeEntity,
  BidEntity,
  BidDocumentEntity,
  BidEventEntity,
  ExpertAffiliationEntity,
  CommitteeMemberEntity,
  BidScoreEntity,
  ObjectionEntity,
];
