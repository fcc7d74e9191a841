import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { CampaignStatus } from '../domain/campaign.state-machine';
import type { NeedStatus } from '../domain/need.state-machine';

@Entity('campaigns')
@Index('idx_campaigns_region_path', ['regionPath'])
@Index('idx_campaigns_status_opens', ['status', 'opensAt'])
@Index('idx_campaigns_status_closes', ['status', 'closesAt'])
export class CampaignEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ type: 'varchar', length: 128 }) title!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ name: 'opens_at', type: 'datetime', precision: 3 }) opensAt!: Date;
  @Column({ name: 'closes_at', type: 'datetime', precision: 3 }) closesAt!: Date;
  @Column({ type: 'varchar', length: 16 }) status!: CampaignStatus;
  @Column({ name: 'supports_per_resident', type: 'int' }) supportsPerResident!: number;
  @Column({ name: 'min_supports_to_shortlist', type: 'int' }) minSupportsToShortlist!: number;
  @Column({ name: 'catalogue_version_id', type: 'int' }) catalogueVersionId!: number;
  @Column({ name: 'created_by', type: 'int' }) createdBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('needs')
@Index('idx_needs_community', ['regionId', 'status', 'createdAt', 'id', 'categoryId', 'supportCount'])
@Index('idx_needs_street', ['streetId', 'status', 'createdAt', 'id', 'categoryId', 'supportCount'])
@Index('idx_needs_district', ['districtId', 'status', 'createdAt', 'id', 'categoryId', 'supportCount'])
@Index('idx_needs_city', ['cityId', 'status', 'createdAt', 'id', 'categoryId', 'supportCount'])
@Index('idx_needs_campaign', ['campaignId', 'status'])
@Index('idx_needs_submitter', ['submittedBy'])
@Index('idx_needs_merged_into', ['mergedIntoId'])
/** The reporting funnel's covering range (migration 1764000820000). */
@Index('idx_needs_report', ['regionPath', 'createdAt', 'status', 'categoryId'])
export class NeedEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'campaign_id', type: 'int' }) campaignId!: number;
  /** The community. */
  @Column({ name: 'region_id', type: 'int' }) regionId!: number;
  @Column({ name: 'street_id', type: 'int' }) streetId!: number;
  @Column({ name: 'district_id', type: 'int' }) districtId!: number;
  @Column({ name: 'city_id', type: 'int' }) cityId!: number;
  @Column({ name: 'region_path', type: 'varchar', length: 255 }) regionPath!: string;
  @Column({ name: 'category_id', type: 'int' }) categoryId!: number;
  @Column({ type: 'varchar', length: 100 }) title!: string;
  @Column({ type: 'text' }) description!: string;
  /** JSON object of typed attribute values. */
  @Column({ type: 'longtext' }) attributes!: string;
  @Column({ type: 'varchar', length: 200 }) location!: string;
  @Column({ type: 'varchar', length: 16 }) channel!: 'ONLINE' | 'PROXY';
  @Column({ name: 'submitted_by', type: 'int' }) submittedBy!: number;
  @Column({ name: 'offline_name', type: 'varchar', length: 64, nullable: true }) offlineName!: string | null;
  @Column({ name: 'offline_phone', type: 'varchar', length: 20, nullable: true }) offlinePhone!: string | null;
  @Column({ type: 'varchar', length: 20 }) status!: NeedStatus;
  @Column({ name: 'support_count', type: 'int' }) supportCount!: number;
  @Column({ name: 'merged_into_id', type: 'int', nullable: true }) mergedIntoId!: number | null;
  @Column({ name: 'resubmitted_from_id', type: 'int', nullable: true }) resubmittedFromId!: number | null;
  @Column({ name: 'reject_reason', type: 'varchar', length: 32, nullable: true }) rejectReason!: string | null;
  @Column({ name: 'reject_note', type: 'varchar', length: 500, nullable: true }) rejectNote!: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}

@Entity('need_events')
@Index('idx_need_events_need', ['needId', 'id'])
export class NeedEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'need_id', type: 'int' }) needId!: number;
  @Column({ type: 'datetime', precision: 3 }) at!: Date;
  @Column({ type: 'varchar', length: 24 }) kind!: string;
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true }) fromStatus!: string | null;
  @Column({ name: 'to_status', type: 'varchar', length: 20, nullable: true }) toStatus!: string | null;
  @Column({ name: 'actor_id', type: 'int', nullable: true }) actorId!: number | null;
  @Column({ name: 'actor_name', type: 'varchar', length: 64 }) actorName!: string;
  @Column({ type: 'longtext', nullable: true }) note!: string | null;
  /** A step reported by another context, or the coded reason of a status change (rendered when read). */
  @Column({ type: 'varchar', length: 64, nullable: true }) template!: string | null;
  @Column({ type: 'longtext', nullable: true }) params!: string | null;
}

@Entity('need_attachments')
@Index('idx_need_attachments_need', ['needId'])
export class NeedAttachmentEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'need_id', type: 'int' }) needId!: number;
  @Column({ type: 'varchar', length: 200 }) filename!: string;
  @Column({ type: 'varchar', length: 64 }) mime!: string;
  @Column({ type: 'int' }) size!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ type: 'mediumblob', select: false }) content!: Buffer;
  @Column({ name: 'uploaded_by', type: 'int' }) uploadedBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('supports')
@Index('idx_supports_user', ['userId', 'campaignId'])
export class SupportEntity {
  @PrimaryColumn({ name: 'need_id', type: 'int' }) needId!: number;
  @PrimaryColumn({ name: 'user_id', type: 'int' }) userId!: number;
  @Column({ name: 'campaign_id', type: 'int' }) campaignId!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** One row per resident and campaign: the supports used, locked FOR UPDATE by each support. */
@Entity('campaign_participants')
export class CampaignParticipantEntity {
  @PrimaryColumn({ name: 'campaign_id', type: 'int' }) campaignId!: number;
  @PrimaryColumn({ name: 'user_id', type: 'int' }) userId!: number;
  @Column({ name: 'supports_used', type: 'int' }) supportsUsed!: number;
}

@Entity('support_transfers')
@Index('uq_support_transfers_source_user', ['sourceNeedId', 'userId'], { unique: true })
@Index('idx_support_transfers_user', ['userId', 'status'])
export class SupportTransferEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'source_need_id', type: 'int' }) sourceNeedId!: number;
  @Column({ name: 'target_need_id', type: 'int' }) targetNeedId!: number;
  @Column({ name: 'user_id', type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 16 }) status!: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true }) answeredAt!: Date | null;
}

@Entity('deliberations')
@Index('idx_deliberations_campaign', ['campaignId'])
export class DeliberationEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id!: number;
  @Column({ name: 'campaign_id', type: 'int' }) campaignId!: number;
  @Column({ name: 'held_on', type: 'char', length: 10 }) heldOn!: string;
  @Column({ type: 'text' }) attendees!: string;
  @Column({ type: 'text' }) minutes!: string;
  @Column({ name: 'recorded_by', type: 'int' }) recordedBy!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

@Entity('deliberation_decisions')
@Index('idx_deliberation_decisions_need', ['needId'])
export class DeliberationDecisionEntity {
  @PrimaryColumn({ name: 'deliberation_id', type: 'int' }) deliberationId!: number;
  @PrimaryColumn({ name: 'need_id', type: 'int' }) needId!: number;
  @Column({ type: 'varchar', length: 16 }) decision!: string;
  @Column({ type: 'varchar', length: 500 }) reason!: string;
}

export const NEEDS_ENTITY_LIST = [
  CampaignEntity,
  NeedEntity,
  NeedEventEntity,
  NeedAttachmentEntity,
  SupportEntity,
  CampaignParticipantEntity,
  SupportTransferEntity,
  DeliberationEntity,
  DeliberationDecisionEntity,
];
