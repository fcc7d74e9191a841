import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { IsKeyword } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { toIntParam } from '../../../platform/http/params';

/**
 * The public portal's answers (docs/domain/portal.md). Amounts are strings of yuan with two decimals ("12345.67"),
 * computed from integer fen; instants are ISO 8601 in UTC, calendar days `YYYY-MM-DD` (Beijing).
 * Nothing here names a resident, carries a phone number, a bank account, a user id of a resident, or a losing price.
 */

export const PUBLIC_PROJECT_STAGES = [
  'APPROVED',
  'TENDERING',
  'AWARDED',
  'CONTRACTED',
  'IN_PROGRESS',
  'COMPLETED',
  'EVALUATED',
  'CLOSED',
  'CANCELLED',
] as const;
export type PublicProjectStage = (typeof PUBLIC_PROJECT_STAGES)[number];

const YEAR = { minimum: 2000, maximum: 2100 };

export class PortalScopeQuery {
  @ApiPropertyOptional({ ...YEAR, description: 'The budget year (default: this year, Beijing time)' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(YEAR.minimum)
  @Max(YEAR.maximum)
  year?: number;

  @ApiPropertyOptional({ description: 'A region: its whole subtree (default: the city)' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  regionId?: number;
}

export class PortalProjectsQuery extends PageQuery {
  @IsKeyword('Part of the project’s title') q?: string;

  @ApiPropertyOptional({ ...YEAR, description: 'The budget year (no filter when absent)' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(YEAR.minimum)
  @Max(YEAR.maximum)
  year?: number;

  @ApiPropertyOptional({ description: 'A region: its whole subtree' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  regionId?: number;

  @ApiPropertyOptional({ enum: PUBLIC_PROJECT_STAGES })
  @IsOptional()
  @IsIn(PUBLIC_PROJECT_STAGES)
  stage?: PublicProjectStage;
}

export class PortalRegionRefDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'] }) level!: string;
}

export class PortalRegionDto extends PortalRegionRefDto {
  @ApiProperty({ nullable: true, type: Number }) parentId!: number | null;
}

export class PortalCountDto {
  @ApiProperty() code!: string;
  @ApiProperty() count!: number;
}

export class PortalMoneyDto {
  @ApiProperty({
    description: 'Allocated to the budget lines of the year in the subtree (every bucket of the ledger but SOURCE)',
  })
  allocated!: string;
  @ApiProperty({ description: 'Committed by signed contracts, paid or not (COMMITTED + PAID)' }) committed!: string;
  @ApiProperty({ description: 'Paid (PAID)' }) paid!: string;
}

export class PortalSatisfactionDto {
  @ApiProperty() answers!: number;
  @ApiProperty() satisfied!: number;
  @ApiProperty({ nullable: true, type: String, description: 'satisfied ÷ answers in %, 2 places, half-up' })
  rate!: string | null;
}

export class PortalEvaluationFiguresDto {
  @ApiProperty() published!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Mean of the published final scores, 2 places' })
  averageScore!: string | null;
  @ApiProperty({ type: [PortalCountDto], description: 'EXCELLENT, GOOD, PASS, FAIL' }) grades!: PortalCountDto[];
}

export class PortalFiguresDto {
  @ApiProperty() year!: number;
  @ApiProperty({ type: PortalRegionRefDto }) region!: PortalRegionRefDto;
  @ApiProperty({ description: 'Needs raised in the year (Beijing) in the subtree' }) needsRaised!: number;
  @ApiProperty({ description: 'Of those, needs answered by an approved project' }) needsFunded!: number;
  @ApiProperty({ type: [PortalCountDto] }) projectsByStage!: PortalCountDto[];
  @ApiProperty({ type: PortalMoneyDto }) money!: PortalMoneyDto;
  @ApiProperty({ type: PortalEvaluationFiguresDto }) evaluation!: PortalEvaluationFiguresDto;
  @ApiProperty({ type: PortalSatisfactionDto }) satisfaction!: PortalSatisfactionDto;
}

export class PortalProjectItemDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PUBLIC_PROJECT_STAGES }) stage!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: PortalRegionRefDto }) region!: PortalRegionRefDto;
  @ApiProperty() estimated!: string;
  @ApiProperty({ nullable: true, type: String }) contractAmount!: string | null;
  @ApiProperty() paid!: string;
  @ApiProperty({ nullable: true, type: String }) organisationName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) organisationId!: number | null;
  @ApiProperty({ nullable: true, type: String }) grade!: string | null;
  @ApiProperty({ nullable: true, type: String }) score!: string | null;
}

export class PortalProjectPageDto {
  @ApiProperty({ type: [PortalProjectItemDto] }) items!: PortalProjectItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PortalDateDto {
  @ApiProperty({
    description:
      'PUBLISHED, BID_DEADLINE, OPENED, AWARD_NOTICE, OBJECTION_WINDOW_END, AWARDED, SIGNED, CONTRACT_PUBLISHED, PAID',
  })
  key!: string;
  @ApiProperty({ nullable: true, type: String }) at!: string | null;
  @ApiProperty({ description: 'The rule that produced the date (docs/domain/portal.md)' }) rule!: string;
  @ApiProperty({ nullable: true, type: Number }) days!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['CALENDAR', 'WORKING'] }) unit!: string | null;
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) limit!: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) kept!: boolean | null;
  @ApiProperty({ nullable: true, type: String, description: 'The legal text (Chinese)' }) basis!: string | null;
}

export class PortalNeedDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty() supportCount!: number;
  @ApiProperty({ type: PortalRegionRefDto }) community!: PortalRegionRefDto;
  @ApiProperty({ nullable: true, type: String, description: 'The raiser, masked (张**), or null' })
  raisedBy!: string | null;
  @ApiProperty() raisedAt!: string;
}

export class PortalAwardDto {
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ description: 'The winning price (the only price published)' }) value!: string;
  @ApiProperty() noticeAt!: string;
}

export class PortalTenderDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty() method!: string;
  @ApiProperty({ description: 'The method’s legal name (Chinese)' }) methodName!: string;
  @ApiProperty() status!: string;
  @ApiProperty() maxPrice!: string;
  @ApiProperty({ type: [PortalDateDto] }) dates!: PortalDateDto[];
  @ApiProperty({ nullable: true, type: PortalAwardDto }) award!: PortalAwardDto | null;
}

export class PortalContractDto {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() amount!: string;
  @ApiProperty({ description: 'Approved change orders' }) changes!: string;
  @ApiProperty() termStart!: string;
  @ApiProperty() termEnd!: string;
  @ApiProperty() paymentDays!: number;
  @ApiProperty({ type: [PortalDateDto] }) dates!: PortalDateDto[];
}

export class PortalMilestoneDto {
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty() tranche!: string;
  @ApiProperty() isFinal!: boolean;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) acceptedAt!: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Accepted by its due time' }) onTime!: boolean | null;
}

export class PortalPaymentDto {
  @ApiProperty() seq!: number;
  @ApiProperty() milestoneTitle!: string;
  @ApiProperty() tranche!: string;
  @ApiProperty({ description: 'What is (to be) paid' }) amount!: string;
  @ApiProperty({ description: 'Released to the budget by the evaluation (final tranche)' }) released!: string;
  @ApiProperty({ enum: ['REQUESTED', 'APPROVED', 'PAID', 'HELD', 'WITHHELD'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['FULL', 'REDUCED', 'WITHHELD'] }) finalOutcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt!: string | null;
  @ApiProperty({ type: PortalDateDto }) date!: PortalDateDto;
}

export class PortalEvaluationDto {
  @ApiProperty() code!: string;
  @ApiProperty({ enum: ['FINAL', 'MID_TERM'] }) kind!: string;
  @ApiProperty() score!: string;
  @ApiProperty({ enum: ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] }) grade!: string;
  @ApiProperty() publishedAt!: string;
}

export class PortalChainMoneyDto {
  @ApiProperty() estimated!: string;
  @ApiProperty({ nullable: true, type: String }) maxPrice!: string | null;
  @ApiProperty({ nullable: true, type: String }) awarded!: string | null;
  @ApiProperty({ nullable: true, type: String }) contracted!: string | null;
  @ApiProperty() paid!: string;
  @ApiProperty() released!: string;
}

export class PortalProjectDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PUBLIC_PROJECT_STAGES }) stage!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: PortalRegionRefDto }) region!: PortalRegionRefDto;
  @ApiProperty() itemName!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() unitPrice!: string;
  @ApiProperty() budgetLine!: string;
  @ApiProperty() budgetSource!: string;
  @ApiProperty({ nullable: true, type: String }) approvedAt!: string | null;
  @ApiProperty({ type: PortalChainMoneyDto }) money!: PortalChainMoneyDto;
  @ApiProperty({ type: [PortalNeedDto] }) needs!: PortalNeedDto[];
  @ApiProperty({ type: [PortalTenderDto] }) tenders!: PortalTenderDto[];
  @ApiProperty({ nullable: true, type: PortalContractDto }) contract!: PortalContractDto | null;
  @ApiProperty({ type: [PortalMilestoneDto] }) milestones!: PortalMilestoneDto[];
  @ApiProperty({ type: [PortalPaymentDto] }) payments!: PortalPaymentDto[];
  @ApiProperty({ type: [PortalEvaluationDto] }) evaluations!: PortalEvaluationDto[];
  @ApiProperty({ nullable: true, type: PortalSatisfactionDto }) satisfaction!: PortalSatisfactionDto | null;
}

export class PortalCommunityNeedDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty() supportCount!: number;
  @ApiProperty() raisedAt!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The public project answering it' }) projectId!:
    number | null;
}

export class PortalCommunityProjectDto {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() needsHere!: number;
  @ApiProperty() needsTotal!: number;
  @ApiProperty({ description: 'All the project’s payments' }) paid!: string;
  @ApiProperty({ description: 'This community’s part of them (needsHere of needsTotal equal parts)' })
  spentHere!: string;
}

export class PortalCommunityDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [PortalRegionRefDto], description: 'City, district, street' }) parents!: PortalRegionRefDto[];
  @ApiProperty() needsRaised!: number;
  @ApiProperty() needsFunded!: number;
  @ApiProperty({ description: 'Money spent there (see docs/domain/portal.md)' }) spent!: string;
  @ApiProperty({ type: [PortalCommunityNeedDto], description: 'The newest 100' }) needs!: PortalCommunityNeedDto[];
  @ApiProperty({ type: [PortalCommunityProjectDto] }) projects!: PortalCommunityProjectDto[];
}

export class PortalGradeDto {
  @ApiProperty({ description: '1..5 = 1A..5A' }) level!: number;
  @ApiProperty() expiresOn!: string;
  @ApiProperty({ description: 'Still valid today (Beijing)' }) valid!: boolean;
}

export class PortalOrgContractDto {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() projectId!: number;
  @ApiProperty() amount!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) signedAt!: string | null;
}

export class PortalOrgEvaluationDto {
  @ApiProperty() code!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty() score!: string;
  @ApiProperty() grade!: string;
  @ApiProperty() publishedAt!: string;
}

export class PortalExclusionDto {
  @ApiProperty({ enum: ['BLACKLIST', 'SUSPENSION', 'BAR'] }) kind!: string;
  @ApiProperty() from!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The last day, `YYYY-MM-DD`; null: until reinstated' })
  until!: string | null;
  @ApiProperty() inForce!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Where a bar applies (its region subtree)' })
  regionName!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The evaluation behind a bar' }) evaluationCode!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) score!: string | null;
}

export class PortalOrganisationDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['SOCIAL_ORGANISATION', 'EVALUATION_AGENCY'] }) kind!: string;
  @ApiProperty({ type: PortalRegionRefDto }) region!: PortalRegionRefDto;
  @ApiProperty({ enum: ['ACTIVE', 'SUSPENDED', 'BLACKLISTED'] }) status!: string;
  @ApiProperty({ nullable: true, type: PortalGradeDto }) grade!: PortalGradeDto | null;
  @ApiProperty() contractsTotal!: string;
  @ApiProperty({ type: [PortalOrgContractDto] }) contracts!: PortalOrgContractDto[];
  @ApiProperty({ type: [PortalOrgEvaluationDto] }) evaluations!: PortalOrgEvaluationDto[];
  @ApiProperty({ type: [PortalExclusionDto] }) exclusions!: PortalExclusionDto[];
}
