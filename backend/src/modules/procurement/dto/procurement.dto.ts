import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { IsBase64Text } from '../../../platform/http/base64';
import { IsCalendarDate, IsInstant } from '../../../platform/http/dates';
import { IsKeyword, IsStatusList } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { IdParam } from '../../../platform/http/params';
import { IsReason } from '../../../platform/http/reason';
import { YUAN_PATTERN } from '../../../platform/util/money';
import {
  PROJECT_STATUSES,
  TENDER_METHODS,
  TENDER_STATUSES,
  type BidStatus,
  type ObjectionStatus,
  type ProjectStatus,
  type TenderMethod,
  type TenderStatus,
} from '../domain/state-machines';

export { IdParam };
const YUAN_MSG = (f: string) => ({ message: `${f} must be an amount of yuan such as 120000.00` });
/** Scores are points with at most two decimals, e.g. "35.5". */
const POINTS = /^(0|[1-9]\d{0,2})(\.\d{1,2})?$/;

export class BidParam {
  @IsUUID('4', { message: 'bidId must be a bid id' }) bidId!: string;
}
export class TenderBidParam extends IdParam {
  @IsUUID('4', { message: 'bidId must be a bid id' }) bidId!: string;
}
export class TenderDocParam extends TenderBidParam {
  @IsUUID('4', { message: 'documentId must be a document id' }) documentId!: string;
}
const toInt = ({ value }: { value: string }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
export class NoticeParam extends IdParam {
  @Transform(toInt) @IsInt() @Min(1) @Max(2147483647) noticeId!: number;
}
export class ObjectionParam {
  @Transform(toInt) @IsInt() @Min(1) @Max(2147483647) id!: number;
}

// ---- projects

export class BudgetItemDto {
  @ApiProperty({ example: '人员经费' }) @IsString() @Length(1, 64) item!: string;
  @ApiProperty({ example: '60000.00' }) @IsString() @Matches(YUAN_PATTERN, YUAN_MSG('amount')) amount!: string;
}
export class IndicatorDto {
  @ApiProperty({ example: '服务人次' }) @IsString() @Length(1, 64) name!: string;
  @ApiProperty({ example: '≥ 9600 人次' }) @IsString() @Length(1, 128) target!: string;
}
export class ScheduleItemDto {
  @ApiProperty({ example: '2027-01' }) @IsString() @Length(1, 32) period!: string;
  @ApiProperty({ example: '招募志愿者，启动助餐服务' }) @IsString() @Length(1, 255) activity!: string;
}
export class ImplementationPlanDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 255, { each: true })
  objectives!: string[];
  @ApiProperty({ type: [ScheduleItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => ScheduleItemDto)
  schedule!: ScheduleItemDto[];
  @ApiProperty({ type: [BudgetItemDto], description: 'Must add up to the estimated amount' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => BudgetItemDto)
  budget!: BudgetItemDto[];
  @ApiProperty({ example: 40 }) @IsInt() @Min(1) @Max(10_000_000) beneficiaries!: number;
  @ApiProperty({ type: [IndicatorDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  outputIndicators!: IndicatorDto[];
  @ApiProperty({ type: [IndicatorDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  outcomeIndicators!: IndicatorDto[];
}

export class CreateProjectDto {
  @ApiProperty({ example: '山西路社区老年助餐服务' }) @IsString() @Length(2, 128) title!: string;
  @ApiProperty({ description: 'Region of the project: your region or below' }) @IsInt() @Min(1) regionId!: number;
  @ApiProperty({ description: 'Catalogue item id (published catalogue)' }) @IsInt() @Min(1) catalogueItemId!: number;
  @ApiProperty({ type: [Number], description: 'Approved needs in the project region' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  needIds!: number[];
  @ApiProperty({ example: 9600, description: 'Number of units of the catalogue item' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  quantity!: number;
  @ApiProperty({ example: '12.50', description: 'Unit price in yuan, at most the item price cap' })
  @IsString()
  @Matches(YUAN_PATTERN, YUAN_MSG('unitPrice'))
  unitPrice!: string;
  @ApiProperty({ description: 'Budget line the approval reserves from' }) @IsInt() @Min(1) budgetLineId!: number;
  @ApiProperty({ type: ImplementationPlanDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ImplementationPlanDto)
  plan!: ImplementationPlanDto;
}
export class UpdateProjectDto extends CreateProjectDto {}

export class DecisionNoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}
export class ReasonDto {
  @ApiProperty() @IsReason() reason!: string;
}

export class ListProjectsQuery extends PageQuery {
  @IsStatusList(PROJECT_STATUSES) status?: ProjectStatus[];
  @IsKeyword() q?: string;
}

export class ProjectDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty() regionId!: number;
  @ApiProperty({ nullable: true, type: String }) regionName!: string | null;
  @ApiProperty() catalogueItemId!: number;
  @ApiProperty() itemCode!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ example: '12.50' }) unitPrice!: string;
  @ApiProperty({ example: '120000.00' }) estimatedAmount!: string;
  @ApiProperty() budgetLineId!: number;
  @ApiProperty({ enum: PROJECT_STATUSES }) status!: ProjectStatus;
  @ApiProperty({ type: [Number] }) needIds!: number[];
  @ApiProperty({ type: ImplementationPlanDto }) plan!: ImplementationPlanDto;
  @ApiProperty({ nullable: true, type: String }) reservationEntryId!: string | null;
  @ApiProperty() createdBy!: number;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The current tender, if any' }) tenderId!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

// ---- tenders

export class CriterionDto {
  @ApiProperty({ example: 'PLAN' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,15}$/, { message: 'code must be 1–16 capital letters, digits or _' })
  code!: string;
  @ApiProperty({ example: '服务方案' }) @IsString() @Length(1, 64) name!: string;
  @ApiProperty({ example: '40', description: 'Most points this criterion gives' })
  @IsString()
  @Matches(POINTS, { message: 'maxScore must be points such as 40 or 12.5' })
  maxScore!: string;
}

export class CreateTenderDto {
  @ApiProperty() @IsInt() @Min(1) projectId!: number;
  @ApiProperty() @IsString() @Length(2, 128) title!: string;
  @ApiProperty() @IsString() @Length(1, 10_000) description!: string;
  @ApiProperty({ enum: TENDER_METHODS }) @IsIn(TENDER_METHODS) method!: TenderMethod;
  @ApiPropertyOptional({ description: 'Minimum evaluation grade 1–5 (1A–5A); defaults to the catalogue item’s' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  minGrade?: number;
  @ApiPropertyOptional({ description: 'Single source: the invited organisation' })
  @IsOptional()
  @IsInt()
  @Min(1)
  designatedOrganisationId?: number;
  @ApiProperty({ enum: ['COMPREHENSIVE', 'LOWEST_PRICE'] }) @IsIn(['COMPREHENSIVE', 'LOWEST_PRICE']) scoringMethod!:
    'COMPREHENSIVE' | 'LOWEST_PRICE';
  @ApiProperty({ example: 30, description: 'Price weight in percent (≥ 10 for services; 0 for lowest price)' })
  @IsInt()
  @Min(0)
  @Max(100)
  priceWeight!: number;
  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];
  @ApiProperty({ example: '118000.00', description: 'Maximum price (最高限价), at most the project estimate' })
  @IsString()
  @Matches(YUAN_PATTERN, YUAN_MSG('maxPrice'))
  maxPrice!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2000.00',
    description: 'Bid deposit (投标保证金) each bidder pays, at most 2 % of the project budget; omit or null for none',
  })
  @IsOptional()
  @IsString()
  @Matches(YUAN_PATTERN, YUAN_MSG('bidDeposit'))
  bidDeposit?: string | null;
  @ApiProperty({ example: 5, description: 'Committee size: odd, ≥ 5 for an open tender, ≥ 3 otherwise' })
  @IsInt()
  @Min(3)
  @Max(21)
  committeeSize!: number;
  @ApiProperty({ example: '2026-12-21T01:30:00.000Z', description: 'Bid deadline (opening happens at this instant)' })
  @IsInstant()
  bidDeadline!: string;
}
export class UpdateTenderDto extends CreateTenderDto {}

export class ListTendersQuery extends PageQuery {
  @IsStatusList(TENDER_STATUSES) status?: TenderStatus[];
  @IsKeyword() q?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toInt) @IsInt() @Min(1) projectId?: number;
}

export class AmendmentDto {
  @ApiProperty() @IsString() @Length(2, 10_000) body!: string;
  @ApiProperty({
    description: 'Does it change what bidders must prepare? Then 15 days must remain before the deadline.',
  })
  @IsBoolean()
  affectsPreparation!: boolean;
}
export class QuestionDto {
  @ApiProperty() @IsString() @Length(2, 2000) question!: string;
}
export class AnswerDto {
  @ApiProperty() @IsString() @Length(2, 10_000) answer!: string;
}
export class ClarificationDto {
  @ApiProperty() @IsString() @Length(2, 10_000) body!: string;
}

export class CriterionView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '40.00' }) maxScore!: string;
}
export class NoticeDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['CLARIFICATION', 'AMENDMENT'] }) kind!: 'CLARIFICATION' | 'AMENDMENT';
  @ApiProperty({ enum: ['ASKED', 'PUBLISHED'] }) status!: 'ASKED' | 'PUBLISHED';
  @ApiProperty({ nullable: true, type: String }) question!: string | null;
  @ApiProperty({ nullable: true, type: String }) body!: string | null;
  @ApiProperty() affectsPreparation!: boolean;
  @ApiProperty({ nullable: true, type: String }) deadlineBefore!: string | null;
  @ApiProperty({ nullable: true, type: String }) deadlineAfter!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ description: 'Asked by my organisation (never says who else asked)' }) mine!: boolean;
}

export class TenderDto {
  @ApiProperty() id!: number;
  @ApiProperty() projectId!: number;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: TENDER_METHODS }) method!: TenderMethod;
  @ApiProperty({ enum: TENDER_STATUSES }) status!: TenderStatus;
  @ApiProperty({ nullable: true, type: Number }) minGrade!: number | null;
  @ApiProperty({ nullable: true, type: Number }) designatedOrganisationId!: number | null;
  @ApiProperty() scoringMethod!: 'COMPREHENSIVE' | 'LOWEST_PRICE';
  @ApiProperty() priceWeight!: number;
  @ApiProperty({ type: [CriterionView] }) criteria!: CriterionView[];
  @ApiProperty({ example: '118000.00' }) maxPrice!: string;
  @ApiProperty({ nullable: true, type: String, example: '2000.00', description: 'Bid deposit; null when none' })
  bidDeposit!: string | null;
  @ApiProperty() committeeSize!: number;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty() bidDeadline!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Drafts only: the earliest legal bid-deadline date (Asia/Shanghai) for this method if published today; null once published',
  })
  earliestDeadline!: string | null;
  @ApiProperty({ nullable: true, type: String }) openedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Null while bids are sealed (before opening), for everybody',
  })
  bidCount!: number | null;
  @ApiProperty({ nullable: true, type: String }) confirmationDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) awardNoticeAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) objectionWindowEndsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) awardedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Winning bid id once the award notice is out' })
  winnerBidId!: string | null;
  @ApiProperty({ nullable: true, type: String }) winnerName!: string | null;
  @ApiProperty({ nullable: true, type: String }) winnerPrice!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcomeNote!: string | null;
  @ApiProperty() evaluationRound!: number;
  @ApiPropertyOptional({ description: 'Organisation members: has my organisation registered interest' })
  interested?: boolean;
  @ApiPropertyOptional({
    type: [String],
    description: 'Organisation members: why my organisation may not bid (empty = eligible)',
  })
  ineligibleReasons?: string[];
  @ApiPropertyOptional({ description: 'Experts: am I on the committee' }) onCommittee?: boolean;
}

// ---- bids

export class BidDocumentInput {
  @ApiProperty({ example: '服务方案.pdf' }) @IsString() @Length(1, 200) fileName!: string;
  @ApiProperty({ description: 'File content, base64 (PDF, PNG, JPEG; 5 MB at most each)' })
  @IsString()
  @MaxLength(7_000_000)
  @IsBase64Text()
  contentBase64!: string;
}
export class SubmitBidDto {
  @ApiProperty({ example: '105000.00', description: 'Price in yuan, at most the maximum price' })
  @IsString()
  @Matches(YUAN_PATTERN, YUAN_MSG('price'))
  price!: string;
  @ApiProperty({ description: 'Response per technical criterion code', example: { PLAN: '每日配送午餐…' } })
  @IsObject()
  technical!: Record<string, string>;
  @ApiProperty({ type: [BidDocumentInput] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => BidDocumentInput)
  documents!: BidDocumentInput[];
}

export class BidReceiptDto {
  @ApiProperty() bidId!: string;
  @ApiProperty() tenderId!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Server (database) time the bid was sealed' }) submittedAt!: string;
  @ApiProperty({
    description: 'SHA-256 of the sealed content (canonical JSON of price, technical response and document hashes)',
  })
  sha256!: string;
}
export class BidDocumentDto {
  @ApiProperty() id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() mime!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
}
/** A published evaluation result of the bidder (issue #11): what a committee sees beside its bid. */
export class PastEvaluationGradeDto {
  @ApiProperty({ example: 'PG-2026-000012' }) code!: string;
  @ApiProperty({ enum: ['FINAL', 'MID_TERM'] }) kind!: string;
  @ApiProperty({ description: 'The evaluated project' }) title!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: '84.16' }) score!: string;
  @ApiProperty({ enum: ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] }) grade!: string;
}
export class BidDto {
  @ApiProperty() id!: string;
  @ApiProperty() tenderId!: number;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() version!: number;
  @ApiProperty() status!: BidStatus;
  @ApiProperty({ example: '105000.00' }) price!: string;
  @ApiProperty() technical!: Record<string, string>;
  @ApiProperty({ type: [BidDocumentDto] }) documents!: BidDocumentDto[];
  @ApiProperty() submittedAt!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty({ description: 'An amendment moved the deadline: confirm the bid again' }) needsReconfirm!: boolean;
  @ApiProperty({ nullable: true, type: String }) qualificationReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) priceScore!: string | null;
  @ApiProperty({ nullable: true, type: String }) technicalScore!: string | null;
  @ApiProperty({ nullable: true, type: String }) totalScore!: string | null;
  @ApiProperty({ nullable: true, type: Number }) rank!: number | null;
  @ApiPropertyOptional({
    type: [PastEvaluationGradeDto],
    description: 'Officer and committee: the bidder’s published evaluation grades, newest first',
  })
  pastGrades?: PastEvaluationGradeDto[];
}
export class MyBidDto extends BidDto {
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() tenderStatus!: TenderStatus;
  @ApiProperty() bidDeadline!: string;
}

// ---- opening, qualification, committee, scores, award

export class QualificationItemDto {
  @ApiProperty() @IsUUID('4') bidId!: string;
  @ApiProperty() @IsBoolean() qualified!: boolean;
  @ApiPropertyOptional({ description: 'Required when not qualified' })
  @ValidateIf((o: QualificationItemDto) => o.qualified === false || o.reason !== undefined)
  @IsReason()
  reason?: string;
}
export class QualificationDto {
  @ApiProperty({ type: [QualificationItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => QualificationItemDto)
  decisions!: QualificationItemDto[];
}

export class DrawCommitteeDto {
  @ApiPropertyOptional({
    type: [Number],
    description:
      'Purchaser representatives (procurement officers of the purchasing office), at most one third of the seats',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  representativeIds?: number[];
}

export class CommitteeMemberDto {
  @ApiProperty() expertId!: number;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['EXPERT', 'PURCHASER_REP'] }) seat!: 'EXPERT' | 'PURCHASER_REP';
  @ApiProperty() submitted!: boolean;
}
export class CommitteeDto {
  @ApiProperty({ type: [CommitteeMemberDto] }) members!: CommitteeMemberDto[];
  @ApiProperty() round!: number;
  @ApiProperty({ type: [Object], description: 'Experts excluded for a conflict of interest, with the reason' })
  excluded!: Array<{ expertId: number; displayName: string; reason: string }>;
}

export class ScoreSheetDto {
  @ApiProperty() @IsUUID('4') bidId!: string;
  @ApiProperty({ description: 'criterion code → points, e.g. { "PLAN": "35.5" }' }) @IsObject() scores!: Record<
    string,
    string
  >;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}
export class SubmitScoresDto {
  @ApiProperty({ type: [ScoreSheetDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ScoreSheetDto)
  sheets!: ScoreSheetDto[];
}
export const SCORE_POINTS = POINTS;

export class ConfirmAwardDto {
  @ApiPropertyOptional({ description: 'Needed only when several bids share the first rank' })
  @IsOptional()
  @IsUUID('4')
  winnerBidId?: string;
}

export class RankingRowDto {
  @ApiProperty() bidId!: string;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() price!: string;
  @ApiProperty({ nullable: true, type: String }) priceScore!: string | null;
  @ApiProperty({ nullable: true, type: String }) technicalScore!: string | null;
  @ApiProperty({ nullable: true, type: String }) totalScore!: string | null;
  @ApiProperty() rank!: number;
}
export class CommitteeReportDto {
  @ApiProperty() tenderId!: number;
  @ApiProperty() round!: number;
  @ApiProperty() generatedAt!: string;
  @ApiProperty() method!: TenderMethod;
  @ApiProperty() scoringMethod!: string;
  @ApiProperty() priceWeight!: number;
  @ApiProperty({ type: [CommitteeMemberDto] }) committee!: CommitteeMemberDto[];
  @ApiProperty({ type: [RankingRowDto] }) ranking!: RankingRowDto[];
  @ApiProperty({ type: [Object] }) disqualified!: Array<{ bidId: string; organisationName: string; reason: string }>;
  @ApiProperty({ type: [String] }) recommended!: string[];
}

// ---- objections

export class FileObjectionDto {
  @ApiProperty() @IsString() @Length(10, 5000) grounds!: string;
}
export class AnswerObjectionDto {
  @ApiProperty({ enum: ['UPHELD', 'DISMISSED'] }) @IsIn(['UPHELD', 'DISMISSED']) outcome!: 'UPHELD' | 'DISMISSED';
  @ApiProperty({ description: 'The answer, and the reasons when the objection is dismissed' })
  @IsReason(5000)
  answer!: string;
  @ApiPropertyOptional({
    enum: ['RE_EVALUATE', 'CANCEL'],
    description: 'Upheld: evaluate again, or cancel for re-tender',
  })
  @IsOptional()
  @IsIn(['RE_EVALUATE', 'CANCEL'])
  action?: 'RE_EVALUATE' | 'CANCEL';
}
export class ObjectionDto {
  @ApiProperty() id!: number;
  @ApiProperty() tenderId!: number;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() grounds!: string;
  @ApiProperty() status!: ObjectionStatus;
  @ApiProperty() filedAt!: string;
  @ApiProperty() answerDueAt!: string;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty({ nullable: true, type: String }) action!: string | null;
  @ApiProperty({ nullable: true, type: String }) answeredAt!: string | null;
}

// ---- experts

export class DeclareRelationshipDto {
  @ApiProperty() @IsInt() @Min(1) organisationId!: number;
  @ApiProperty({ enum: ['EMPLOYMENT', 'DECLARED'] }) @IsIn(['EMPLOYMENT', 'DECLARED']) kind!: 'EMPLOYMENT' | 'DECLARED';
  @ApiPropertyOptional({ example: '2021-03-01' }) @IsOptional() @IsCalendarDate() startedOn?: string;
  @ApiPropertyOptional({ example: '2024-06-30', description: 'Empty while it lasts' })
  @IsOptional()
  @IsCalendarDate()
  endedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) note?: string;
}
export class AffiliationDto {
  @ApiProperty() id!: number;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() kind!: 'EMPLOYMENT' | 'DECLARED';
  @ApiProperty({ nullable: true, type: String }) startedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) endedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class OrganisationSearchQuery {
  @ApiProperty({ description: 'Part of the name, or the start of the credit code' })
  @IsString()
  @Length(1, 64)
  q!: string;
}
export class OrganisationOptionDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
}

/** Public (transparency) view of an open call or an award notice. */
export class PublicTenderDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() method!: TenderMethod;
  @ApiProperty() status!: TenderStatus;
  @ApiProperty() regionName!: string;
  @ApiProperty() maxPrice!: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty() bidDeadline!: string;
  @ApiProperty({ nullable: true, type: String }) awardNoticeAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) winnerName!: string | null;
  @ApiProperty({ nullable: true, type: String }) winnerPrice!: string | null;
  @ApiProperty({ nullable: true, type: String }) objectionWindowEndsAt!: string | null;
}
export class PublicTendersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['OPEN', 'AWARD_NOTICE'] }) @IsOptional() @IsIn(['OPEN', 'AWARD_NOTICE']) kind?:
    'OPEN' | 'AWARD_NOTICE';
  @IsKeyword() q?: string;
}
