import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

import { IsCalendarDate } from '../../../platform/http/dates';
import { PageQuery } from '../../../platform/http/pagination';
import { IsReason } from '../../../platform/http/reason';
import { YUAN_PATTERN } from '../../../platform/util/money';
import { CHANGE_ORDER_STATUSES, ChangeOrderStatus, ContractStatus } from '../domain/state-machines';

export { IdParam } from '../../../platform/http/params';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ProposeChangeOrderDto {
  @ApiProperty({ example: '增加周末送餐服务，每周六、周日各一次' })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  scope!: string;
  @ApiProperty({ example: '1000.00', description: 'The added amount in yuan (two decimals at most)' })
  @IsString()
  @Matches(YUAN_PATTERN, { message: 'amount must be an amount of yuan such as 1000.00' })
  amount!: string;
  @ApiProperty({ example: '服务对象增加，需延伸服务时间' }) @IsReason() reason!: string;
  @ApiProperty({ example: '周末送餐服务', description: 'Title of the milestone the change adds' })
  @Transform(trim)
  @IsString()
  @Length(2, 128)
  milestoneTitle!: string;
  @ApiProperty({ example: '2027-06-30', description: 'Its due date (Beijing), within the contract term' })
  @IsCalendarDate()
  milestoneDueDate!: string;
}

/** Refusing (finance) or withdrawing (the officer) a change order: the other side reads why. */
export class RejectChangeOrderDto {
  @ApiProperty({ example: '预算指标余额不足，请调整后重新提出' }) @IsReason() reason!: string;
}

export const TERMINATION_KINDS = ['AGREEMENT', 'BREACH', 'NOT_SIGNED'] as const;
export type TerminationKind = (typeof TERMINATION_KINDS)[number];

export class TerminateContractDto {
  @ApiProperty({
    enum: TERMINATION_KINDS,
    description: 'AGREEMENT or BREACH for a signed/active contract; NOT_SIGNED for a draft the winner never signed',
  })
  @IsIn(TERMINATION_KINDS)
  kind!: TerminationKind;
  @ApiProperty({ example: '承接机构连续两个月未按约提供服务' }) @IsReason() reason!: string;
}

export class ListChangeOrdersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CHANGE_ORDER_STATUSES, default: 'PROPOSED' })
  @IsOptional()
  @IsIn(CHANGE_ORDER_STATUSES)
  status?: ChangeOrderStatus;
}

export class ChangeOrderDto {
  @ApiProperty() id!: number;
  @ApiProperty() contractId!: number;
  @ApiProperty() contractCode!: string;
  @ApiProperty() contractTitle!: string;
  @ApiProperty() organisationId!: number;
  @ApiProperty({ enum: CHANGE_ORDER_STATUSES }) status!: ChangeOrderStatus;
  @ApiProperty() scope!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ example: '1000.00' }) amount!: string;
  @ApiProperty() milestoneTitle!: string;
  @ApiProperty({ example: '2027-06-30' }) milestoneDueDate!: string;
  @ApiProperty({ nullable: true, type: Number }) milestoneId!: number | null;
  @ApiProperty() proposedBy!: number;
  @ApiProperty() proposedByName!: string;
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ nullable: true, type: Number }) decidedBy!: number | null;
  @ApiProperty({ nullable: true, type: String }) decidedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason!: string | null;
}

export class ContractChangeSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: ContractStatus;
  @ApiProperty() organisationId!: number;
  @ApiProperty() budgetLineId!: number;
  @ApiProperty({ example: '310000.00', description: 'The original amount (the winning price)' }) amount!: string;
  @ApiProperty({ example: '31000.00', description: 'Sum of approved change orders' }) changes!: string;
  @ApiProperty({ example: '31000.00', description: '10 % of the original amount' }) cap!: string;
  @ApiProperty({ example: '0.00' }) remaining!: string;
  @ApiProperty({ example: '10.00', description: 'Approved change orders in % of the original' }) usedPercent!: string;
  @ApiProperty({ nullable: true, type: String }) terminatedAt!: string | null;
  @ApiProperty({ nullable: true, enum: TERMINATION_KINDS }) terminationKind!: TerminationKind | null;
  @ApiProperty({ nullable: true, type: String }) terminationReason!: string | null;
}

export class ContractChangesDto {
  @ApiProperty({ type: ContractChangeSummaryDto }) contract!: ContractChangeSummaryDto;
  @ApiProperty({ type: [ChangeOrderDto] }) items!: ChangeOrderDto[];
}

export class TerminationDto {
  @ApiProperty({ type: ContractChangeSummaryDto }) contract!: ContractChangeSummaryDto;
  @ApiProperty({ example: '217000.00', description: 'Commitment released back to the budget line' })
  released!: string;
  @ApiProperty({ nullable: true, type: String }) releaseEntryId!: string | null;
  @ApiProperty({ description: 'Project status after the termination' }) projectStatus!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'For a breach: the organisation the officer may blacklist (POST /api/v1/organisations/{id}/blacklist)',
  })
  blacklistOrganisationId!: number | null;
}
