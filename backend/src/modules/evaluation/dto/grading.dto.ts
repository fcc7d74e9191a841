import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { IsBase64Text } from '../../../platform/http/base64';
import { IsCalendarDate } from '../../../platform/http/dates';
import { PageQuery } from '../../../platform/http/pagination';
import { toIntParam } from '../../../platform/http/params';
import { IsReason } from '../../../platform/http/reason';
import { IsOptionalNotNull } from '../../../platform/http/validation';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATUSES,
  type AssessmentAction,
  type AssessmentStatus,
} from '../domain/grade-assessment';
import type { GuideLevel } from '../domain/indicator-tree';

export { IdParam } from '../../../platform/http/params';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Points on the 1,000-point scale: at most 2 decimals. */
const POINTS = /^\d{1,4}(\.\d{1,2})?$/;
const POINTS_MSG = (field: string) => ({ message: `${field} must be points such as 900 or 899.5` });

// ---- requests

export class OpenAssessmentDto {
  @ApiProperty({ description: 'The social organisation to assess (registered in your region subtree, ACTIVE)' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  organisationId!: number;
}

export class LeafScoreDto {
  @ApiProperty({ example: 'B1-1', description: 'A leaf of the assessment’s template' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'leafKey must be a leaf key such as B1-1' })
  leafKey!: string;
  @ApiProperty({
    example: '9.5',
    nullable: true,
    type: String,
    description: 'Points within the leaf’s points (2 decimals at most); null clears the score',
  })
  @ValidateIf((_o: object, v: unknown) => v !== null)
  @IsString()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'score must be points such as 9.5' })
  score!: string | null;
  @ApiPropertyOptional({
    example: '查阅 2025 年度审计报告，净资产 52 万元',
    nullable: true,
    type: String,
    description: 'Evidence note: what was read, seen or asked (kept with the score)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class SaveScoresDto {
  @ApiProperty({ type: [LeafScoreDto], description: 'The leaves to set (others keep their scores)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LeafScoreDto)
  scores!: LeafScoreDto[];
}

export class SubmitAssessmentDto {
  @ApiPropertyOptional({ example: '机构治理规范，服务台账完整，建议加强信息公开。', description: '总体评价' })
  @IsOptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  summary?: string;
}

export class ReturnAssessmentDto {
  @ApiProperty({ example: '财务资产管理部分扣分依据不足，请补充审计报告核查记录' }) @IsReason(1000) reason!: string;
}

export class CancelAssessmentDto {
  @ApiProperty({ example: '机构正在被立案调查，本年度不予评估' }) @IsReason() reason!: string;
}

export class DecideAssessmentDto {
  @ApiProperty({ example: '鼓楼区社会组织评估等级批复.pdf', description: 'The decision document (评估结论/等级批复)' })
  @Transform(trim)
  @IsString()
  @Length(1, 255)
  fileName!: string;
  @ApiProperty({ description: 'The file, base64-encoded: PDF, PNG or JPEG (checked by content), at most 5 MB' })
  @IsString()
  @IsBase64Text()
  @MaxLength(7_000_000)
  contentBase64!: string;
  @ApiPropertyOptional({ example: '经评估委员会审定', description: 'Decision note, shown to the organisation' })
  @IsOptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ListAssessmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ASSESSMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSESSMENT_STATUSES)
  status?: AssessmentStatus;
  @ApiPropertyOptional({ description: 'One organisation’s assessments' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  organisationId?: number;
  @ApiPropertyOptional({ description: 'Organisation name or assessment code' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  q?: string;
}

export class CandidatesQuery {
  @ApiPropertyOptional({ description: 'Organisation name or credit code' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  q?: string;
}

export class SetCutoffsDto {
  @ApiProperty({ description: 'A city or district in your region subtree' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  regionId!: number;
  @ApiProperty({ example: '500' }) @IsString() @Matches(POINTS, POINTS_MSG('min1')) min1!: string;
  @ApiProperty({ example: '600' }) @IsString() @Matches(POINTS, POINTS_MSG('min2')) min2!: string;
  @ApiProperty({ example: '700' }) @IsString() @Matches(POINTS, POINTS_MSG('min3')) min3!: string;
  @ApiProperty({ example: '800' }) @IsString() @Matches(POINTS, POINTS_MSG('min4')) min4!: string;
  @ApiProperty({ example: '900' }) @IsString() @Matches(POINTS, POINTS_MSG('min5')) min5!: string;
  @ApiProperty({ example: '2027-01-01', description: 'The lines apply from this day (Beijing), today or later' })
  @IsCalendarDate()
  effectiveFrom!: string;
  @ApiPropertyOptional({ example: '依据《鼓楼区社会组织评估实施方案》（2027年）' })
  @IsOptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

// ---- responses

export class CutoffDto {
  @ApiProperty() id!: number;
  @ApiProperty() regionId!: number;
  @ApiProperty() regionName!: string;
  @ApiProperty({ example: '500' }) min1!: string;
  @ApiProperty({ example: '600' }) min2!: string;
  @ApiProperty({ example: '700' }) min3!: string;
  @ApiProperty({ example: '800' }) min4!: string;
  @ApiProperty({ example: '900' }) min5!: string;
  @ApiProperty({ example: '2026-01-01' }) effectiveFrom!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null: the system (seeded default)' })
  decidedByName!: string | null;
  @ApiProperty() decidedAt!: string;
}

export class RegionCutoffsDto {
  @ApiProperty() regionId!: number;
  @ApiProperty() regionName!: string;
  @ApiProperty({ enum: ['CITY', 'DISTRICT'] }) level!: string;
  @ApiProperty({ description: 'The caller may set this region’s lines (in their subtree)' }) editable!: boolean;
  @ApiProperty({
    type: CutoffDto,
    nullable: true,
    description: 'The lines that apply today to organisations registered here: its own, or the nearest region’s',
  })
  applies!: CutoffDto | null;
  @ApiProperty({ description: 'The applying lines are this region’s own (false: inherited from `applies.regionName`)' })
  own!: boolean;
  @ApiProperty({ type: [CutoffDto], description: 'This region’s own rows, newest first (future ones included)' })
  history!: CutoffDto[];
}

export class CutoffsOverviewDto {
  @ApiProperty({ example: '2026-11-20', description: 'Today (Beijing): what `applies` is computed for' })
  today!: string;
  @ApiProperty({ type: [RegionCutoffsDto] }) regions!: RegionCutoffsDto[];
}

export class AssessmentSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'DJ-2026-000012' }) code!: string;
  @ApiProperty({ enum: ASSESSMENT_STATUSES }) status!: AssessmentStatus;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty() openedByName!: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '905.00' }) totalPoints!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '1..5 by the lines; null below 1A or before submission' })
  proposedGrade!: number | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The grade decided (null: no grade)' })
  grade!: number | null;
  @ApiProperty({ nullable: true, type: String }) gradeExpiresOn!: string | null;
}

export class AssessmentPageDto {
  @ApiProperty({ type: [AssessmentSummaryDto] }) items!: AssessmentSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class LeafScoreViewDto {
  @ApiProperty() leafKey!: string;
  @ApiProperty({ nullable: true, type: String }) score!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class IndicatorNodeDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '80' }) points!: string;
  @ApiPropertyOptional({ type: () => [IndicatorNodeDto] }) children?: IndicatorNodeDto[];
  @ApiPropertyOptional({ enum: ['MANUAL', 'COMPUTED'] }) kind?: string;
  @ApiPropertyOptional({ description: 'Scoring guide levels { label, from, to, description }' })
  guide?: GuideLevel[];
  @ApiPropertyOptional() evidenceHint?: string;
}

export class AssessmentDetailDto extends AssessmentSummaryDto {
  @ApiProperty() templateId!: number;
  @ApiProperty() templateName!: string;
  @ApiProperty({ example: '1000' }) templateTotal!: string;
  @ApiProperty({ type: [IndicatorNodeDto], description: 'The frozen 1,000-point tree' }) tree!: IndicatorNodeDto[];
  @ApiProperty({ type: [LeafScoreViewDto] }) scores!: LeafScoreViewDto[];
  @ApiProperty({ example: '905.00', description: 'Sum of the scores entered so far (exact, 2 places)' })
  runningTotal!: string;
  @ApiProperty({ description: 'Leaves scored / all leaves' }) scoredLeaves!: number;
  @ApiProperty() leafCount!: number;
  @ApiProperty({
    type: CutoffDto,
    nullable: true,
    description: 'The lines the result was graded by (once submitted), else those that apply today',
  })
  cutoff!: CutoffDto | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The grade the running total would get by `cutoff` (before submission)',
  })
  gradeByRunningTotal!: number | null;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnComment!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) decisionDocumentId!: number | null;
  @ApiProperty({ nullable: true, type: String }) decisionDocumentName!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The organisation’s current grade (1..5)' })
  currentGrade!: number | null;
  @ApiProperty({ nullable: true, type: String }) currentGradeExpiresOn!: string | null;
  @ApiProperty({ isArray: true, enum: ASSESSMENT_ACTIONS, description: 'What the caller may do now' })
  actions!: AssessmentAction[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the caller may not decide or return it (separation of duties), when that is the reason',
  })
  reviewBlockedReason!: string | null;
  @ApiProperty({ example: '2031-11-19', description: 'The last valid day a decision today would give' })
  expiresOnIfDecidedToday!: string;
}

export class CandidateDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ nullable: true, type: Number }) grade!: number | null;
  @ApiProperty({ nullable: true, type: String }) gradeExpiresOn!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Its open assessment, if any' })
  openAssessmentId!: number | null;
}
