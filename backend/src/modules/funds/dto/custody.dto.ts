import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

import { IsKeyword } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { IsReason } from '../../../platform/http/reason';
import { CUSTODY_KINDS, CUSTODY_STATUSES } from '../domain/custody';

export class ListCustodyQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CUSTODY_KINDS }) @IsOptional() @IsIn(CUSTODY_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: CUSTODY_STATUSES }) @IsOptional() @IsIn(CUSTODY_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) organisationId?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) tenderId?: number;
  @IsKeyword('Part of the tender title') q?: string;
}

export class ReturnCustodyDto {
  @ApiPropertyOptional({ description: 'Finance’s note (bank transfer reference…)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ForfeitCustodyDto {
  @ApiProperty({ example: '未按合同提供服务，经催告仍未改正，依合同第九条没收履约保证金' }) @IsReason() reason!: string;
}

export class CustodyEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['RECEIVE', 'REFUND', 'RELEASE', 'FORFEIT', 'INTEREST'] }) operation!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ example: '2000.00' }) amount!: string;
  @ApiProperty() idempotencyKey!: string;
  @ApiProperty({ nullable: true, type: String }) memo!: string | null;
  @ApiProperty() createdAt!: string;
}

export class CustodyAccountDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: CUSTODY_KINDS }) kind!: string;
  @ApiProperty({ enum: CUSTODY_STATUSES }) status!: string;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() tenderId!: number;
  @ApiProperty() tenderTitle!: string;
  @ApiProperty({ nullable: true, type: Number }) contractId!: number | null;
  @ApiProperty({ example: '2000.00', description: 'What the tender or contract requires (yuan)' }) required!: string;
  @ApiProperty({ example: '2000.00' }) held!: string;
  @ApiProperty({ example: '0.00' }) returned!: string;
  @ApiProperty({ example: '0.00' }) forfeited!: string;
  @ApiProperty({ example: '0.00', description: 'Late-return interest paid' }) interest!: string;
  @ApiProperty({
    example: '0.60',
    description: 'Interest accrued so far on an amount still held past its due date (0.00 otherwise)',
  })
  accruedInterest!: string;
  @ApiProperty({ description: 'Days past the due date (so far, or when it was returned)' }) daysLate!: number;
  @ApiProperty({ nullable: true, type: String }) returnReason!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Due back by (24:00 Beijing of the 5th working day)' })
  returnDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) dueMarkedAt!: string | null;
  @ApiProperty() forfeitable!: boolean;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: [CustodyEntryDto] }) entries?: CustodyEntryDto[];
}

export class CustodyConsistencyDifferenceDto {
  @ApiProperty() accountId!: number;
  @ApiProperty() stored!: { held: string; returned: string; forfeited: string; interest: string };
  @ApiProperty() fromLedger!: { held: string; returned: string; forfeited: string; interest: string };
}
