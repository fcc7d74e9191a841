import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { IsStatusList } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { IdParam, toIntParam } from '../../../platform/http/params';
import { IsReason } from '../../../platform/http/reason';
import { PAYMENT_STATUSES, PaymentStatus } from '../domain/state-machines';

export { IdParam };

export class ContractMilestoneParam extends IdParam {
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  milestoneId!: number;
}

export class PaymentReasonDto {
  @ApiProperty({ description: 'Why the request goes back to the supplier (2–500 characters).' })
  @IsReason()
  reason!: string;
}

export class ListPaymentRequestsQuery extends PageQuery {
  @IsStatusList(PAYMENT_STATUSES) status?: PaymentStatus[];
  @ApiPropertyOptional({ description: 'true: only requests past their due date and not paid' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'Only the requests of this contract' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  contractId?: number;
}

/** A payment request as the parties, the officer and finance read it. Amounts are yuan strings ("93000.00"). */
export class PaymentRequestDto {
  @ApiProperty() id!: number;
  @ApiProperty() contractId!: number;
  @ApiProperty() contractCode!: string;
  @ApiProperty() contractTitle!: string;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() milestoneId!: number;
  @ApiProperty() milestoneSeq!: number;
  @ApiProperty() milestoneTitle!: string;
  @ApiProperty() isFinal!: boolean;
  @ApiProperty({ enum: PAYMENT_STATUSES }) status!: PaymentStatus;
  @ApiProperty({ example: '93000.00' }) tranche!: string;
  @ApiProperty({ example: '93000.00', description: 'What is (to be) paid.' }) amount!: string;
  @ApiProperty({ example: '0.00', description: 'Released back to the budget line (final tranche).' }) released!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-03-31' }) dueDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ description: 'Past its due date and not paid (now), or paid after it.' }) overdue!: boolean;
  @ApiProperty({ description: 'Beijing calendar days late: to the day of payment, or to today while unpaid.' })
  daysLate!: number;
  @ApiProperty({ example: '465.00', description: 'Late-payment interest at `lateRatePercent` a year.' })
  lateInterest!: string;
  @ApiProperty({ example: '18.25' }) lateRatePercent!: string;
  @ApiProperty({ nullable: true, type: String }) lateAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) requestedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) requestedBy!: number | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) approvedBy!: number | null;
  @ApiProperty({ nullable: true, type: String }) paidAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) paidBy!: number | null;
  @ApiProperty({ nullable: true, type: String }) rejectedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectReason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Final tranche: FULL, REDUCED or WITHHELD' })
  finalOutcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) evaluationScore!: string | null;
}

export class PaymentMilestoneDto {
  @ApiProperty() id!: number;
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() isFinal!: boolean;
  @ApiProperty() status!: string;
  @ApiProperty({ example: '93000.00' }) amount!: string;
  @ApiProperty({ nullable: true, type: String }) acceptedAt!: string | null;
  @ApiProperty({ description: 'The supplier may raise a payment request for it now.' }) requestable!: boolean;
  @ApiProperty({ nullable: true, type: PaymentRequestDto }) request!: PaymentRequestDto | null;
}

export class ContractPaymentsDto {
  @ApiProperty() contractId!: number;
  @ApiProperty() contractCode!: string;
  @ApiProperty() contractTitle!: string;
  @ApiProperty() contractStatus!: string;
  @ApiProperty() amount!: string;
  @ApiProperty() paymentDays!: number;
  @ApiProperty({ example: '18.25' }) lateRatePercent!: string;
  @ApiProperty({ example: '15.00' }) finalReductionPercent!: string;
  @ApiProperty({ type: [PaymentMilestoneDto] }) milestones!: PaymentMilestoneDto[];
  @ApiProperty({ type: [PaymentRequestDto], description: 'Every request, rejected ones included, newest first.' })
  requests!: PaymentRequestDto[];
}
