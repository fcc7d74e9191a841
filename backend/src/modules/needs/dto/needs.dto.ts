import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsCalendarDate, IsInstant } from '../../../platform/http/dates';
import { IsKeyword, IsStatusList } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { IdParam } from '../../../platform/http/params';
import { IsReason } from '../../../platform/http/reason';
import { CAMPAIGN_STATUSES } from '../domain/campaign.state-machine';
import {
  DECISIONS,
  NEED_STATUSES,
  REJECT_REASONS,
  type Decision,
  type RejectReason,
} from '../domain/need.state-machine';
import { NEED_SORTS, type NeedSort } from '../services/need-list.query';

const toInt = ({ value }: { value: string }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export { IdParam };

export class AttachmentParam extends IdParam {
  @Transform(toInt) @IsInt() @Min(1) @Max(2147483647) attachmentId!: number;
}

// ---- campaigns

export class CreateCampaignDto {
  @ApiProperty({ description: 'A street or a community in your region' }) @IsInt() @Min(1) regionId!: number;
  @ApiProperty({ example: '山西路社区2027年度需求征集' }) @IsString() @Length(1, 128) title!: string;
  @ApiProperty() @IsString() @MaxLength(2000) description!: string;
  @ApiProperty({ example: '2027-01-04T00:00:00.000Z' }) @IsInstant() opensAt!: string;
  @ApiProperty({ example: '2027-01-31T16:00:00.000Z' }) @IsInstant() closesAt!: string;
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt() @Min(1) @Max(50) supportsPerResident!: number;
  @ApiProperty({ minimum: 0, maximum: 100000 }) @IsInt() @Min(0) @Max(100000) minSupportsToShortlist!: number;
  @ApiProperty({ description: 'A published catalogue version' }) @IsInt() @Min(1) catalogueVersionId!: number;
}

export class UpdateCampaignDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 128) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() opensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsInstant() closesAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(50) supportsPerResident?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(100000) minSupportsToShortlist?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) catalogueVersionId?: number;
}

export class ListCampaignsQuery extends PageQuery {
  @IsStatusList(CAMPAIGN_STATUSES) status?: string[];
  @IsKeyword() q?: string;
}

export class CampaignDto {
  @ApiProperty() id!: number;
  @ApiProperty() regionId!: number;
  @ApiProperty({ nullable: true, type: String }) regionName!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() opensAt!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: string;
  @ApiProperty() supportsPerResident!: number;
  @ApiProperty() minSupportsToShortlist!: number;
  @ApiProperty() catalogueVersionId!: number;
  @ApiProperty() needCount!: number;
  @ApiPropertyOptional({ description: 'Residents: supports I have left in this campaign' })
  myRemainingSupports?: number;
}

// ---- needs

export class SubmitNeedDto {
  @ApiProperty() @IsInt() @Min(1) campaignId!: number;
  @ApiProperty({ description: 'A category of the campaign’s catalogue version' }) @IsInt() @Min(1) categoryId!: number;
  @ApiProperty({ example: '社区老年助餐点' }) @IsString() @Length(2, 100) title!: string;
  @ApiProperty() @IsString() @Length(1, 2000) description!: string;
  @ApiProperty({
    example: { targetGroup: '独居老人', headcount: 40 },
    description: 'Typed attributes defined by the category',
  })
  @IsObject()
  attributes!: Record<string, string | number>;
  @ApiProperty({ example: '山西路社区活动中心' }) @IsString() @Length(1, 200) location!: string;
  @ApiPropertyOptional({ description: 'Proxy entry by a community worker: the offline resident’s name' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  offlineName?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9]{6,19}$/, { message: 'offlinePhone must be 6–19 digits' })
  offlinePhone?: string;
  @ApiPropertyOptional({ description: 'Proxy entry in a street-wide campaign: the resident’s community' })
  @IsOptional()
  @IsInt()
  @Min(1)
  communityId?: number;
}

export class ListNeedsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'A region in your scope (any level); defaults to your own region' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  regionId?: number;
  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'APPROVED,SHORTLISTED' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMaxSize(12)
  @IsIn(NEED_STATUSES, { each: true })
  status?: string[];
  @ApiPropertyOptional({ description: 'A category; its subtree is included' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  categoryId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) campaignId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional({ enum: NEED_SORTS, default: '-createdAt' }) @IsOptional() @IsIn(NEED_SORTS) sort?: NeedSort;
}

export class ExportNeedsQuery extends ListNeedsQuery {}

export class SimilarQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) campaignId!: number;
  @ApiProperty() @IsString() @Length(1, 100) title!: string;
  @ApiPropertyOptional({ description: 'Proxy entry: the community' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  communityId?: number;
}

export class RejectNeedDto {
  @ApiProperty({ enum: REJECT_REASONS }) @IsIn(REJECT_REASONS) reason!: RejectReason;
  @ApiProperty({ description: 'What the resident reads: why, in words' }) @IsReason() note!: string;
}

export class MergeNeedDto {
  @ApiProperty() @IsInt() @Min(1) targetNeedId!: number;
}

export class ResubmitNeedDto {
  @ApiProperty({ description: 'A later OPEN campaign covering the need’s community' })
  @IsInt()
  @Min(1)
  campaignId!: number;
}

export class DecisionDto {
  @ApiProperty() @IsInt() @Min(1) needId!: number;
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) decision!: Decision;
  @ApiProperty() @IsReason() reason!: string;
}

export class RecordDeliberationDto {
  @ApiProperty({ example: '2026-12-05' })
  @IsCalendarDate()
  heldOn!: string;
  @ApiProperty() @IsString() @Length(1, 2000) attendees!: string;
  @ApiProperty() @IsString() @Length(1, 10000) minutes!: string;
  @ApiProperty({ type: [DecisionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DecisionDto)
  decisions!: DecisionDto[];
}

export class NeedSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: NEED_STATUSES }) status!: string;
  @ApiProperty() supportCount!: number;
  @ApiProperty() categoryId!: number;
  @ApiProperty({ nullable: true, type: String }) categoryName!: string | null;
  @ApiProperty() regionId!: number;
  @ApiProperty({ nullable: true, type: String }) regionName!: string | null;
  @ApiProperty() campaignId!: number;
  @ApiProperty({ enum: ['ONLINE', 'PROXY'] }) channel!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ description: 'Residents only: whether I support this need' }) supportedByMe?: boolean;
}

export class NeedPageDto {
  @ApiProperty({ type: [NeedSummaryDto] }) items!: NeedSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class AttachmentDto {
  @ApiProperty() id!: number;
  @ApiProperty() filename!: string;
  @ApiProperty() mime!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() createdAt!: string;
}

export class NeedDetailDto extends NeedSummaryDto {
  @ApiProperty() description!: string;
  @ApiProperty({ type: Object }) attributes!: Record<string, string | number>;
  @ApiProperty() location!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'A proxy entry’s resident (代录): shown only to the worker who entered it and to need moderators of its region; null for everyone else',
  })
  offlineName!: string | null;
  @ApiProperty() submittedByMe!: boolean;
  @ApiProperty({ nullable: true, type: String }) rejectReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectNote!: string | null;
  @ApiProperty({ type: [AttachmentDto] }) attachments!: AttachmentDto[];
  @ApiProperty({ nullable: true, type: Number }) mergedIntoId!: number | null;
  @ApiProperty({ type: [Number] }) mergedFrom!: number[];
  @ApiProperty({ nullable: true, type: Number }) resubmittedFromId!: number | null;
  @ApiProperty() declare supportedByMe: boolean;
  @ApiProperty({ nullable: true, type: Number }) myRemainingSupports!: number | null;
}

export class TimelineEventDto {
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'STATUS' }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty({ nullable: true, type: String }) toStatus!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Who: a user name, or the system (in the reader’s language); null for a resident reading what another resident did (their account name is personal)',
  })
  actorName!: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'The stored codes and typed text (null for steps)' })
  note!: unknown;
  @ApiProperty({ nullable: true, type: String, example: 'procurement.step.tender_published' })
  template!: string | null;
  @ApiProperty({
    example: '采购公告「老年助餐服务采购」已发布',
    description: 'What happened, in the reader’s language (a status change `from → to`, or a step’s title)',
  })
  text!: string;
  @ApiProperty({
    example: '采购方式：公开招标。投标截止时间：2026年12月11日 24:00。',
    description: 'Details in the reader’s language, times in Beijing time ("" when none)',
  })
  detail!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '/s/3f9c2a7e5b1d4c6f8a0e2b4d6f8a1c3e',
    description: 'A page of the app the step asks the reader to open (the survey to answer), or null',
  })
  link!: string | null;
}

export class MyNeedDto {
  @ApiProperty({ type: NeedSummaryDto }) need!: NeedSummaryDto;
  @ApiProperty({ enum: ['SUBMITTED', 'SUPPORTED'] }) relation!: 'SUBMITTED' | 'SUPPORTED';
  @ApiProperty({ type: [TimelineEventDto] }) timeline!: TimelineEventDto[];
}

export class SimilarNeedDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty() supportCount!: number;
  @ApiProperty() score!: number;
}

export class SupportResultDto {
  @ApiProperty() needId!: number;
  @ApiProperty() supportCount!: number;
  @ApiProperty() myRemainingSupports!: number;
}

export class TransferDto {
  @ApiProperty() id!: number;
  @ApiProperty() sourceNeedId!: number;
  @ApiProperty() sourceTitle!: string;
  @ApiProperty() targetNeedId!: number;
  @ApiProperty() targetTitle!: string;
  @ApiProperty({ enum: ['PENDING', 'ACCEPTED', 'DECLINED'] }) status!: string;
  @ApiProperty() createdAt!: string;
}

export class DeliberationDto {
  @ApiProperty() id!: number;
  @ApiProperty() campaignId!: number;
  @ApiProperty() heldOn!: string;
  @ApiProperty() attendees!: string;
  @ApiProperty() minutes!: string;
  @ApiProperty() recordedBy!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [DecisionDto] }) decisions!: DecisionDto[];
}
