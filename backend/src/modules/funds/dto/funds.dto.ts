import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';

import { IsKeyword } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { IsReason } from '../../../platform/http/reason';
import { OPERATIONS } from '../domain/ledger';

export const FUND_SOURCES = [
  'CITY_FINANCE',
  'DISTRICT_FINANCE',
  'STREET_FINANCE',
  'WELFARE_LOTTERY',
  'DONATION',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];
const YUAN = /^(0|[1-9]\d{0,13})(\.\d{1,2})?$/;
const SIGNED_YUAN = /^-?(0|[1-9]\d{0,13})(\.\d{1,2})?$/;
const toInt = ({ value }: { value: string }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export { IdParam } from '../../../platform/http/params';

export class YearParam {
  @Transform(toInt) @IsInt() @Min(2000) @Max(2100) year!: number;
}

export class EntryIdParam {
  @Matches(/^\d{1,18}$/, { message: 'id must be a number' }) id!: string;
}

export class CreateLineDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ description: 'A region in your scope' }) @IsInt() @Min(1) regionId!: number;
  @ApiProperty({ enum: FUND_SOURCES }) @IsIn(FUND_SOURCES) source!: FundSource;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'A',
    description: 'Catalogue category code this money is restricted to (定向使用); its subtree is allowed',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9]{1,16}$/, { message: 'restrictedCategoryCode must be a catalogue code such as A or A01' })
  restrictedCategoryCode?: string | null;
  @ApiPropertyOptional({
    default: false,
    description: 'Contracts paid from this line may run up to 3 years (跨年度合同); otherwise at most 1 year',
  })
  @IsOptional()
  @IsBoolean()
  multiYear?: boolean;
  @ApiProperty({ example: '2026年鼓楼区养老服务购买资金' }) @IsString() @Length(1, 128) title!: string;
  @ApiProperty({ example: '1200000.00', description: 'Amount in yuan (string, two decimals at most)' })
  @IsString()
  @Matches(YUAN, { message: 'amount must be an amount of yuan such as 1200000.00' })
  amount!: string;
}

export class DecisionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

/** Refusing a budget line or an adjustment: the requester reads why. */
export class RejectDto {
  @ApiProperty({ example: '与年度预算安排不符，请核减后重新申请' }) @IsReason() reason!: string;
}

export class AdjustLineDto {
  @ApiProperty({ example: '-50000.00', description: 'Signed change in yuan' })
  @IsString()
  @Matches(SIGNED_YUAN, { message: 'delta must be a signed amount of yuan such as -50000.00' })
  delta!: string;
  @ApiProperty() @IsReason() reason!: string;
}

export class ListLinesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) regionId?: number;
  @ApiPropertyOptional({ enum: FUND_SOURCES }) @IsOptional() @IsIn(FUND_SOURCES) source?: string;
  @ApiPropertyOptional({ enum: ['PENDING_APPROVAL', 'ACTIVE', 'REJECTED'] })
  @IsOptional()
  @IsIn(['PENDING_APPROVAL', 'ACTIVE', 'REJECTED'])
  status?: string;
  @IsKeyword() q?: string;
}

export class ListEntriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: [...OPERATIONS, 'REVERSE'] })
  @IsOptional()
  @IsIn([...OPERATIONS, 'REVERSE'])
  operation?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) referenceType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) referenceId?: string;
}

export class ReportQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiPropertyOptional({ description: 'Defaults to your region' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  regionId?: number;
  @ApiProperty({ enum: ['region', 'source', 'category'] }) @IsIn(['region', 'source', 'category']) groupBy!:
    'region' | 'source' | 'category';
}

export class ReverseDto {
  @ApiProperty({ description: 'Unique key of this correction' })
  @Matches(/^[A-Za-z0-9_\-:.]{8,128}$/, { message: 'idempotencyKey must be 8–128 characters of A–Z a–z 0–9 _ - : .' })
  idempotencyKey!: string;
  @ApiProperty({ description: 'Why the entry is reversed (kept on the correcting entry)' })
  @IsReason(255)
  memo!: string;
}

export class BalancesDto {
  @ApiProperty({ example: '1200000.00' }) allocated!: string;
  @ApiProperty() available!: string;
  @ApiProperty() reserved!: string;
  @ApiProperty({ description: 'Committed in total (outstanding + paid)' }) committed!: string;
  @ApiProperty() outstandingCommitment!: string;
  @ApiProperty() paid!: string;
}

export class LineDto {
  @ApiProperty() id!: number;
  @ApiProperty() year!: number;
  @ApiProperty() regionId!: number;
  @ApiProperty({ nullable: true, type: String }) regionName!: string | null;
  @ApiProperty({ enum: FUND_SOURCES }) source!: string;
  @ApiProperty({ nullable: true, type: String }) restrictedCategoryCode!: string | null;
  @ApiProperty({ description: 'Contracts paid from it may run up to 3 years' }) multiYear!: boolean;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['PENDING_APPROVAL', 'ACTIVE', 'REJECTED'] }) status!: string;
  @ApiProperty({ description: 'Amount requested when the line was created (yuan)' }) requested!: string;
  @ApiProperty({ type: BalancesDto }) balances!: BalancesDto;
  @ApiProperty({ description: 'paid ÷ allocated, in basis points' }) paidRateBp!: number;
  @ApiProperty() createdBy!: number;
  @ApiProperty({ nullable: true, type: Number }) decidedBy!: number | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ description: 'The budget year is closed: nothing in it can change' }) yearClosed!: boolean;
  @ApiProperty() createdAt!: string;
}

export class EntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() lineId!: number;
  @ApiProperty() operation!: string;
  @ApiProperty() fromBucket!: string;
  @ApiProperty() toBucket!: string;
  @ApiProperty({ example: '30000.00' }) amount!: string;
  @ApiProperty() idempotencyKey!: string;
  @ApiProperty({ nullable: true, type: String }) referenceType!: string | null;
  @ApiProperty({ nullable: true, type: String }) referenceId!: string | null;
  @ApiProperty({ nullable: true, type: String }) reversesEntryId!: string | null;
  @ApiProperty({ nullable: true, type: String }) memo!: string | null;
  @ApiProperty({ nullable: true, type: Number }) actorId!: number | null;
  @ApiProperty() createdAt!: string;
}

export class AdjustmentDto {
  @ApiProperty() id!: number;
  @ApiProperty() lineId!: number;
  @ApiProperty() delta!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['PENDING', 'APPROVED', 'REJECTED'] }) status!: string;
  @ApiProperty() requestedBy!: number;
  @ApiProperty({ nullable: true, type: Number }) decidedBy!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected' }) decisionNote!: string | null;
  @ApiProperty() createdAt!: string;
}

export class ReportRowDto {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() allocated!: string;
  @ApiProperty() reserved!: string;
  @ApiProperty() committed!: string;
  @ApiProperty() paid!: string;
  @ApiProperty({ description: 'paid ÷ allocated, basis points' }) paidRateBp!: number;
  @ApiProperty({ description: 'committed ÷ allocated, basis points' }) committedRateBp!: number;
}

export class ConsistencyDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty() linesChecked!: number;
  @ApiProperty({ type: [Object] }) differences!: Array<{
    lineId: number;
    stored: BalancesDto;
    fromLedger: BalancesDto;
  }>;
  @ApiProperty({ description: 'Custody accounts (bid deposits, performance bonds) replayed' })
  custodyAccountsChecked!: number;
  @ApiProperty({ type: [Object], description: 'Custody accounts whose stored buckets differ from their entries' })
  custodyDifferences!: Array<{
    accountId: number;
    stored: { held: string; returned: string; forfeited: string; interest: string };
    fromLedger: { held: string; returned: string; forfeited: string; interest: string };
  }>;
}
