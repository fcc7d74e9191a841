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
  ValidateNested,
} from 'class-validator';

import { IsBase64Text } from '../../../platform/http/base64';
import { IsCalendarDate } from '../../../platform/http/dates';
import { PageQuery } from '../../../platform/http/pagination';
import { IdParam, toIntParam } from '../../../platform/http/params';
import { IsReason } from '../../../platform/http/reason';
import { DECIMAL_PATTERN, EVIDENCE_KINDS, MAX_EVIDENCE_PER_REPORT, type EvidenceKind } from '../domain/milestone-rules';
import type { MilestoneStatus } from '../domain/state-machines';

// ---- path parameters

export class MilestoneParam extends IdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) milestoneId!: number;
}

export class EvidenceParam extends IdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) evidenceId!: number;
}

// ---- writes

export class UploadEvidenceDto {
  @ApiProperty({ enum: EVIDENCE_KINDS, description: 'PHOTO (JPEG, PNG, WebP) or ATTENDANCE sheet (also PDF)' })
  @IsIn(EVIDENCE_KINDS)
  kind!: EvidenceKind;
  @ApiProperty({ example: '活动照片.jpg' }) @IsString() @Length(1, 200) fileName!: string;
  @ApiProperty({ description: 'The file, base64-encoded, typed by its content, at most 5 MB' })
  @IsString()
  @IsBase64Text()
  @MaxLength(7_000_000)
  contentBase64!: string;
}

export class ActivityDto {
  @ApiProperty({ example: '2027-01-15' }) @IsCalendarDate() date!: string;
  @ApiProperty({ example: '山西路社区活动中心' }) @IsString() @Length(1, 128) place!: string;
  @ApiProperty({ example: '老年助餐，送餐上门' }) @IsString() @Length(1, 1000) content!: string;
  @ApiProperty({ example: 32 }) @IsInt() @Min(0) @Max(100000) participants!: number;
}

export class ServiceHoursDto {
  @ApiProperty({ example: '张**（服务对象编号 A-017）' }) @IsString() @Length(1, 64) beneficiary!: string;
  @ApiProperty({ example: '2.5', description: 'Decimal text, at most 4 places' })
  @IsString()
  @Matches(DECIMAL_PATTERN, { message: 'hours must be a decimal such as "2.5"' })
  hours!: string;
}

export class OutputActualDto {
  @ApiProperty({ example: 'OUT-1', description: 'The code of an output indicator of the project plan' })
  @IsString()
  @Matches(/^OUT-\d{1,2}$/)
  code!: string;
  @ApiProperty({ example: '2400', description: 'Decimal text, at most 4 places' })
  @IsString()
  @Matches(DECIMAL_PATTERN, { message: 'actual must be a decimal such as "120"' })
  actual!: string;
}

export class SubmitReportDto {
  @ApiPropertyOptional({ example: '本阶段完成助餐服务 2400 人次。' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  summary?: string;
  @ApiProperty({ type: [ActivityDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ActivityDto)
  activities!: ActivityDto[];
  @ApiProperty({ type: [ServiceHoursDto], description: 'Where the service is counted in hours' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ServiceHoursDto)
  serviceHours!: ServiceHoursDto[];
  @ApiProperty({ type: [OutputActualDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OutputActualDto)
  outputs!: OutputActualDto[];
  @ApiProperty({ type: [Number], description: 'Evidence uploaded to this milestone: at least one photo' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVIDENCE_PER_REPORT)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2147483647, { each: true })
  evidenceIds!: number[];
}

export class ReturnReportDto {
  @ApiProperty({ example: '照片不足以证明服务人次，请补充签到表。' }) @IsReason() reason!: string;
}

// ---- the board

export const BOARD_VIEWS = ['ALL', 'DUE_SOON', 'OVERDUE', 'WAITING'] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];

export class BoardQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: BOARD_VIEWS,
    default: 'ALL',
    description:
      'DUE_SOON: owed and due within 7 days; OVERDUE: owed past its due time; WAITING: submitted, waiting for acceptance',
  })
  @IsOptional()
  @IsIn(BOARD_VIEWS)
  view: BoardView = 'ALL';
  @ApiPropertyOptional({ description: 'Contract code or title contains' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  q?: string;
}

// ---- responses

export class EvidenceDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind!: EvidenceKind;
  @ApiProperty() fileName!: string;
  @ApiProperty() mime!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: 'A smaller picture was made on the server' }) hasThumbnail!: boolean;
  @ApiProperty({ description: 'Cited by no report yet' }) unattached!: boolean;
  @ApiProperty() createdAt!: string;
}

export class ReportDto {
  @ApiProperty() id!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['SUBMITTED', 'ACCEPTED', 'RETURNED'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ type: [ActivityDto] }) activities!: ActivityDto[];
  @ApiProperty({ type: [ServiceHoursDto] }) serviceHours!: ServiceHoursDto[];
  @ApiProperty({ type: [OutputActualDto] }) outputs!: OutputActualDto[];
  @ApiProperty({ type: [Number] }) evidenceIds!: number[];
  @ApiProperty() submittedBy!: number;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnReason!: string | null;
}

export class IndicatorDto {
  @ApiProperty({ example: 'OUT-1' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() targetText!: string;
  @ApiProperty({ nullable: true, type: String }) targetValue!: string | null;
  @ApiProperty({ nullable: true, type: String }) unit!: string | null;
}

export class OutputValueDto extends IndicatorDto {
  @ApiProperty({ description: 'Decimal text' }) actualValue!: string;
}

export class MilestoneDto {
  @ApiProperty() id!: number;
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() deliverables!: string;
  @ApiProperty({ example: '2027-03-31' }) dueDate!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ example: '3000', description: 'Basis points' }) shareBp!: number;
  @ApiProperty({ example: '3000.00' }) amount!: string;
  @ApiProperty() isFinal!: boolean;
  @ApiProperty({ enum: ['PENDING', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] }) status!: MilestoneStatus;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) overdueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptedAt!: string | null;
  @ApiProperty({ type: [ReportDto], description: 'Newest first' }) reports!: ReportDto[];
  @ApiProperty({ type: [EvidenceDto] }) evidence!: EvidenceDto[];
  @ApiProperty({ type: [OutputValueDto], description: 'Stored when accepted' }) outputValues!: OutputValueDto[];
}

export class ContractMilestonesDto {
  @ApiProperty() contractId!: number;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty() organisationId!: number;
  @ApiProperty() termStart!: string;
  @ApiProperty() termEnd!: string;
  @ApiProperty({ description: 'The caller may report progress (a member of the supplier, contract live)' })
  canReport!: boolean;
  @ApiProperty({ description: 'The caller may accept or return reports (an officer of the region)' })
  canDecide!: boolean;
  @ApiProperty({ description: 'The service is counted in hours' }) countedInHours!: boolean;
  @ApiProperty({ type: [IndicatorDto] }) indicators!: IndicatorDto[];
  @ApiProperty({ type: [MilestoneDto] }) milestones!: MilestoneDto[];
}

export class BoardItemDto {
  @ApiProperty({ description: 'The milestone' }) id!: number;
  @ApiProperty() contractId!: number;
  @ApiProperty() contractCode!: string;
  @ApiProperty() contractTitle!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty() status!: MilestoneStatus;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty() amount!: string;
}

export class BoardPageDto {
  @ApiProperty({ type: [BoardItemDto] }) items!: BoardItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
