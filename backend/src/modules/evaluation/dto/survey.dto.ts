import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { IsCalendarDate } from '../../../platform/http/dates';
import { IsKeyword } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { toIntParam } from '../../../platform/http/params';
import {
  COMMENT_MAX,
  DEFAULT_QUESTIONS,
  SCALE_MAX,
  SCALE_MIN,
  SURVEY_STATUSES,
  type IneligibleReason,
  type SurveyStatus,
} from '../domain/survey-rules';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// ---- parameters and queries

export class ProjectIdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) projectId!: number;
}

export class BeneficiaryParam extends ProjectIdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) residentId!: number;
}

export class TokenParam {
  @Matches(/^[0-9a-f]{32}$/, { message: 'token must be the 32-character code of a survey link' }) token!: string;
}

export const SURVEY_LIST_STATUSES = [...SURVEY_STATUSES, 'NONE'] as const;
export type SurveyListStatus = (typeof SURVEY_LIST_STATUSES)[number];

export class ListSurveysQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: SURVEY_LIST_STATUSES,
    description: 'OPEN or CLOSED surveys, or NONE: projects with a signed contract and no survey yet',
  })
  @IsOptional()
  @IsIn(SURVEY_LIST_STATUSES)
  status?: SurveyListStatus;
  @IsKeyword('Part of the project title or the contract code') q?: string;
}

// ---- bodies

export class OpenSurveyDto {
  @ApiPropertyOptional({
    example: '2027-01-31',
    description: 'The last day (Beijing) answers are taken, closing at 24:00; default: 30 days from today, at most 180',
  })
  @IsOptional()
  @IsCalendarDate()
  closesOn?: string;
}

export class SurveyAnswerDto {
  @ApiProperty({
    type: [Number],
    example: [5, 4, 4, 5, 5],
    description: `One point from ${SCALE_MIN} (非常不满意) to ${SCALE_MAX} (非常满意) per question, in the survey's order; the first is the overall satisfaction`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(SCALE_MIN, { each: true })
  @Max(SCALE_MAX, { each: true })
  answers!: number[];

  @ApiPropertyOptional({ example: '饭菜很可口，送餐也准时。', maxLength: COMMENT_MAX, nullable: true })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string | null;
}

export class SurveyProxyAnswerDto extends SurveyAnswerDto {
  @ApiProperty({ example: 1, description: 'The eligible resident whose answer the worker takes (a user id)' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  residentId!: number;
}

export class SurveyBeneficiaryDto {
  @ApiProperty({ example: '13800000003', description: 'The verified resident: their username or phone number' })
  @Transform(trimmed)
  @IsString()
  @MinLength(2)
  @MaxLength(64)
  resident!: string;
}

// ---- answers

export class SurveyQuestionFiguresDto {
  @ApiProperty({ example: 'OVERALL', description: 'The question key (its text is the frontend’s)' }) key!: string;
  @ApiProperty({ type: [Number], example: [1, 2, 5, 90, 102], description: 'Answers choosing 1, 2, 3, 4, 5' })
  counts!: number[];
  @ApiProperty({ nullable: true, type: String, example: '4.43' }) mean!: string | null;
}

/**
 * A survey's figures. Never who answered what: the free texts come without names or dates, and the evaluated
 * organisation sees exactly this.
 */
export class SurveyFiguresDto {
  @ApiProperty() answers!: number;
  @ApiProperty({ description: 'Verified residents who may answer (and anyone who already did)' }) eligible!: number;
  @ApiProperty({ nullable: true, type: String, example: '62.50', description: 'answers ÷ eligible, in %' })
  responseRate!: string | null;
  @ApiProperty({ description: 'Answers whose overall satisfaction is 满意 or 非常满意' }) satisfied!: number;
  @ApiProperty({ nullable: true, type: String, example: '87.74', description: 'satisfied ÷ answers, in %' })
  satisfactionRate!: string | null;
  @ApiProperty({ description: 'Answers a community worker took for a resident (PROXY)' }) proxied!: number;
  @ApiProperty({ description: 'EVALUATION_SURVEY_MIN_ANSWERS' }) minimum!: number;
  @ApiProperty({ description: 'Fewer answers than the minimum: the evaluator scores the satisfaction leaf by hand' })
  insufficient!: boolean;
  @ApiProperty({ type: [SurveyQuestionFiguresDto] }) questions!: SurveyQuestionFiguresDto[];
  @ApiProperty({ type: [String], description: 'The free texts, without names, newest first' }) comments!: string[];
}

export class SurveyInfoDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: SURVEY_STATUSES }) status!: SurveyStatus;
  @ApiProperty({ type: [String], example: [...DEFAULT_QUESTIONS] }) questions!: string[];
  @ApiProperty() openedAt!: string;
  @ApiProperty({ description: 'Answers are taken until this instant (24:00 Beijing of the closing date)' })
  closesAt!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '/s/3f9c2a7e5b1d4c6f8a0e2b4d6f8a1c3e',
    description: 'The share link (its QR code); for the staff who share it, null for the evaluated organisation',
  })
  link!: string | null;
}

export class SurveyProjectDto {
  @ApiProperty() projectId!: number;
  @ApiProperty() projectTitle!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ nullable: true, type: Number }) contractId!: number | null;
  @ApiProperty({ nullable: true, type: String }) contractCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) contractStatus!: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationName!: string | null;
}

export class SurveyRowSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: SURVEY_STATUSES }) status!: SurveyStatus;
  @ApiProperty() openedAt!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty() answers!: number;
  @ApiProperty() eligible!: number;
  @ApiProperty({ nullable: true, type: String }) responseRate!: string | null;
}

export class SurveyRowDto extends SurveyProjectDto {
  /** The project id again, as the row's id (lists are keyed by `id`). */
  @ApiProperty({ description: 'The project id' }) id!: number;
  @ApiProperty({ type: SurveyRowSummaryDto, nullable: true }) survey!: SurveyRowSummaryDto | null;
}

export class SurveyPageDto {
  @ApiProperty({ type: [SurveyRowDto] }) items!: SurveyRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class SurveyDetailDto extends SurveyProjectDto {
  @ApiProperty({ type: SurveyInfoDto, nullable: true }) survey!: SurveyInfoDto | null;
  @ApiProperty({ type: SurveyFiguresDto, nullable: true }) figures!: SurveyFiguresDto | null;
  @ApiProperty({ description: 'A survey can be opened: the project has a signed contract and no survey yet' })
  canOpen!: boolean;
}

export const RESIDENT_SOURCES = ['RAISED', 'SUPPORTED', 'BENEFICIARY'] as const;

export class SurveyResidentDto {
  @ApiProperty() userId!: number;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String, example: '138****0001' }) phone!: string | null;
  @ApiProperty({ description: 'Residence verified: only verified residents answer' }) verified!: boolean;
  @ApiProperty({ enum: RESIDENT_SOURCES, isArray: true }) sources!: Array<(typeof RESIDENT_SOURCES)[number]>;
  @ApiProperty({
    nullable: true,
    enum: ['SELF', 'PROXY'],
    description: 'Whether (and how) the resident has answered — never what',
  })
  answered!: 'SELF' | 'PROXY' | null;
}

export class SurveyMyAnswerDto {
  @ApiProperty({ type: [Number] }) answers!: number[];
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty({ enum: ['SELF', 'PROXY'] }) channel!: 'SELF' | 'PROXY';
  @ApiProperty() answeredAt!: string;
  @ApiProperty() updatedAt!: string;
}

export const INELIGIBLE_REASONS = ['NOT_A_RESIDENT', 'NOT_VERIFIED', 'NOT_LINKED'] as const;

/** The survey as the resident sees it through its link. */
export class ResidentSurveyDto {
  @ApiProperty() token!: string;
  @ApiProperty() projectTitle!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: SURVEY_STATUSES, description: 'CLOSED also once the closing instant has passed' })
  status!: SurveyStatus;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ type: [String], example: [...DEFAULT_QUESTIONS] }) questions!: string[];
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ nullable: true, enum: INELIGIBLE_REASONS, description: 'Why the resident may not answer' })
  reason!: IneligibleReason | null;
  @ApiProperty({ type: SurveyMyAnswerDto, nullable: true }) myAnswer!: SurveyMyAnswerDto | null;
}

export class MySurveyDto {
  @ApiProperty() token!: string;
  @ApiProperty() link!: string;
  @ApiProperty() projectTitle!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: SURVEY_STATUSES }) status!: SurveyStatus;
  @ApiProperty() closesAt!: string;
  @ApiProperty() answered!: boolean;
}
