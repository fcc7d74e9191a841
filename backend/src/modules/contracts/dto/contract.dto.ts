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
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { IsCalendarDate } from '../../../platform/http/dates';
import { IsKeyword } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { toIntParam } from '../../../platform/http/params';
import { CONTRACT_STATUSES, ContractStatus } from '../domain/state-machines';

export { IdParam } from '../../../platform/http/params';

const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

export const CONTRACT_SORTS = [
  '-createdAt',
  'createdAt',
  '-amount',
  'amount',
  'code',
  '-code',
  'signatureDueAt',
] as const;
export type ContractSort = (typeof CONTRACT_SORTS)[number];

export class ListContractsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CONTRACT_STATUSES }) @IsOptional() @IsIn(CONTRACT_STATUSES) status?: ContractStatus;
  @ApiPropertyOptional({ description: 'Staff: the supplier' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  organisationId?: number;
  @ApiPropertyOptional({ description: 'The contract of one tender' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  tenderId?: number;
  @IsKeyword('Part of the title or the code') q?: string;
  @ApiPropertyOptional({ enum: CONTRACT_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(CONTRACT_SORTS)
  sort?: ContractSort;
}

export class UserIdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) userId!: number;
}

export class PurchaserDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) name!: string;
  @ApiProperty() @IsString() @MaxLength(128) region!: string;
  @ApiProperty() @IsString() @MaxLength(200) address!: string;
  @ApiProperty() @IsString() @MaxLength(64) representative!: string;
}

export class SupplierDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) name!: string;
  @ApiProperty() @IsString() @MaxLength(18) creditCode!: string;
  @ApiProperty() @IsString() @MaxLength(64) legalRepresentative!: string;
  @ApiProperty() @IsString() @MaxLength(128) bankName!: string;
  @ApiProperty() @IsString() @MaxLength(128) bankAccountName!: string;
  @ApiProperty() @IsString() @MaxLength(40) bankAccountNo!: string;
}

export class ContentDto {
  @ApiProperty({ type: PurchaserDto }) @IsObject() @ValidateNested() @Type(() => PurchaserDto) purchaser!: PurchaserDto;
  @ApiPropertyOptional({
    type: SupplierDto,
    description: 'Ignored: the supplier’s particulars (bank account included) come from the organisations registry',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SupplierDto)
  supplier?: SupplierDto;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) scope!: string;
  @ApiProperty() @IsString() @MaxLength(4000) serviceStandard!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) acceptanceMethod!: string;
  @ApiProperty() @IsString() @MaxLength(2000) bondTerms!: string;
  @ApiProperty() @IsString() @MaxLength(4000) otherTerms!: string;
}

export class MilestoneInputDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(128) title!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) deliverables!: string;
  @ApiProperty({ example: '2027-03-31' })
  @IsCalendarDate()
  dueDate!: string;
  @ApiProperty({ example: '30.00', description: 'Percent of the amount, two decimals at most' })
  @Matches(PERCENT, { message: 'share must be a percentage like 30.00' })
  share!: string;
}

/** The officer's edit of a DRAFT: the whole content, the term and the milestones (replaced as a whole). */
export class UpdateContractDto {
  @ApiProperty({ type: ContentDto }) @IsObject() @ValidateNested() @Type(() => ContentDto) content!: ContentDto;
  @ApiProperty({ example: '2027-01-01' })
  @IsCalendarDate()
  termStart!: string;
  @ApiProperty({ example: '2027-12-31' })
  @IsCalendarDate()
  termEnd!: string;
  @ApiProperty({ minimum: 1, maximum: 60 }) @IsInt() @Min(1) @Max(60) paymentDays!: number;
  @ApiProperty({ example: '5.00', description: 'Performance bond, percent of the amount (≤ 10.00)' })
  @Matches(PERCENT, { message: 'bondPercent must be a percentage like 5.00' })
  bondPercent!: string;
  @ApiProperty({ type: [MilestoneInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInputDto)
  milestones!: MilestoneInputDto[];
}

export class SignatoryDto {
  @ApiProperty({ description: 'true grants signing rights, false withdraws them' }) @IsBoolean() granted!: boolean;
}

export class MilestoneViewDto {
  @ApiProperty() id!: number;
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty() deliverables!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ example: '30.00' }) share!: string;
  @ApiProperty({ example: '3000.00' }) amount!: string;
  @ApiProperty() isFinal!: boolean;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) overdueAt!: string | null;
}

export class ContractSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CONTRACT_STATUSES }) status!: ContractStatus;
  @ApiProperty() projectId!: number;
  @ApiProperty() tenderId!: number;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ example: '8500.00' }) amount!: string;
  @ApiProperty() termStart!: string;
  @ApiProperty() termEnd!: string;
  @ApiProperty() signatureDueAt!: string;
  @ApiProperty({ nullable: true, type: String }) signatureOverdueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) signedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) publicationDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class ContractDto extends ContractSummaryDto {
  @ApiProperty({ description: 'Parties, scope, standard, acceptance, bond, other terms' }) content!: unknown;
  @ApiProperty() maxTermMonths!: number;
  @ApiProperty() paymentDays!: number;
  @ApiProperty({ example: '5.00' }) bondPercent!: string;
  @ApiProperty({ example: '425.00' }) bond!: string;
  @ApiProperty({ example: '0.00' }) changes!: string;
  @ApiProperty() awardNoticeAt!: string;
  @ApiProperty({ nullable: true, type: String }) purchaserSignedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) purchaserSignedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) supplierSignedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) supplierSignedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the frozen canonical content' })
  contentSha256!: string | null;
  @ApiProperty({ type: [MilestoneViewDto] }) milestones!: MilestoneViewDto[];
  @ApiProperty({ description: 'What the reader may do now' }) can!: {
    edit: boolean;
    signAsPurchaser: boolean;
    signAsSupplier: boolean;
    publish: boolean;
  };
}

export class PublicContractNoticeDto {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() tenderId!: number;
  @ApiProperty() purchaser!: string;
  @ApiProperty() supplier!: string;
  @ApiProperty() supplierCreditCode!: string;
  @ApiProperty() amount!: string;
  @ApiProperty() termStart!: string;
  @ApiProperty() termEnd!: string;
  @ApiProperty() signedAt!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty() contentSha256!: string;
  @ApiProperty() milestones!: Array<{ seq: number; title: string; dueDate: string; share: string; amount: string }>;
}

export class SignatoryViewDto {
  @ApiProperty() userId!: number;
  @ApiProperty() displayName!: string;
  @ApiProperty() signatory!: boolean;
}
