import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsOptionalNotNull } from '../../../platform/http/validation';
import { YUAN_PATTERN } from '../../../platform/util/money';
import { ATTRIBUTE_TYPES, type AttributeType } from '../domain/attribute-schema';

export class AttributeFieldDto {
  @ApiProperty({ example: 'headcount' }) @IsString() @Length(1, 32) key!: string;
  @ApiProperty({ example: '预计人数' }) @IsString() @Length(1, 32) label!: string;
  @ApiProperty({ enum: ATTRIBUTE_TYPES }) @IsIn(ATTRIBUTE_TYPES) type!: AttributeType;
  @ApiProperty() @IsBoolean() required!: boolean;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 32, { each: true })
  options?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() min?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() max?: number;
}

export class InstalmentDto {
  @ApiProperty({ example: '预付款' }) @IsString() @Length(1, 32) label!: string;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(100) percent!: number;
}

export class CreateVersionDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) year!: number;
  @ApiProperty({ example: '2027年度政府购买服务指导性目录' }) @IsString() @Length(1, 128) title!: string;
  @ApiPropertyOptional({ description: 'Copy the categories and items of this version (omit it for an empty one)' })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  copyFromVersionId?: number;
}

export class CreateCategoryDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @Min(1) parentId?: number | null;
  @ApiProperty({ example: 'A0101' })
  @IsString()
  @Matches(/^[A-Z0-9]{1,16}$/, { message: 'code must be 1–16 capital letters or digits' })
  code!: string;
  @ApiProperty({ example: '助餐服务' }) @IsString() @Length(1, 64) name!: string;
  @ApiPropertyOptional({ type: [AttributeFieldDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttributeFieldDto)
  attributeSchema?: AttributeFieldDto[];
}

export class UpdateCategoryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) name?: string;
  @ApiPropertyOptional({ type: [AttributeFieldDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttributeFieldDto)
  attributeSchema?: AttributeFieldDto[];
}

export class CreateItemDto {
  @ApiProperty() @IsInt() @Min(1) categoryId!: number;
  @ApiProperty({ example: 'A010101' })
  @IsString()
  @Matches(/^[A-Z0-9]{1,16}$/, { message: 'code must be 1–16 capital letters or digits' })
  code!: string;
  @ApiProperty({ example: '老年助餐（堂食）' }) @IsString() @Length(1, 128) name!: string;
  @ApiProperty() @IsString() @Length(1, 2000) serviceStandard!: string;
  @ApiProperty({ example: '人次' }) @IsString() @Length(1, 16) unit!: string;
  @ApiProperty({ example: '15.00', description: 'Unit price cap (最高限价) in yuan, two decimals at most' })
  @IsString()
  @Matches(YUAN_PATTERN, { message: 'priceCap must be an amount of yuan such as 15.00' })
  priceCap!: string;
  @ApiProperty({ minimum: 1, maximum: 5, description: 'Minimum organisation grade (1A–5A)' })
  @IsInt()
  @Min(1)
  @Max(5)
  minOrgGrade!: number;
  @ApiProperty({ type: [InstalmentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => InstalmentDto)
  paymentSchedule!: InstalmentDto[];
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'The ACTIVE project evaluation template its projects are evaluated with (指标体系)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  defaultTemplateId?: number | null;
}

export class UpdateItemDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 128) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) serviceStandard?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16) unit?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(YUAN_PATTERN, { message: 'priceCap must be an amount of yuan such as 15.00' })
  priceCap?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(5) minOrgGrade?: number;
  @ApiPropertyOptional({ type: [InstalmentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => InstalmentDto)
  paymentSchedule?: InstalmentDto[];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'An ACTIVE project template; null clears it' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  defaultTemplateId?: number | null;
}

export { IdParam } from '../../../platform/http/params';

export class YearQuery {
  @ApiPropertyOptional({ description: 'Defaults to the current year (Asia/Shanghai)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** An item's default evaluation template (指标体系), as the item shows it. */
export class TemplateRefDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'XM-JJYL' }) code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['DRAFT', 'ACTIVE', 'RETIRED'] }) status!: string;
}

export class ItemDto {
  @ApiProperty() id!: number;
  @ApiProperty() categoryId!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() serviceStandard!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ example: '15.00' }) priceCap!: string;
  @ApiProperty() minOrgGrade!: number;
  @ApiProperty({ type: [InstalmentDto] }) paymentSchedule!: InstalmentDto[];
  @ApiProperty({ nullable: true, type: Number }) defaultTemplateId!: number | null;
  @ApiProperty({ nullable: true, type: TemplateRefDto }) defaultTemplate!: TemplateRefDto | null;
}

export class CategoryNodeDto {
  @ApiProperty() id!: number;
  @ApiProperty({ nullable: true, type: Number }) parentId!: number | null;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [AttributeFieldDto], description: "The category's own attribute fields" })
  attributeSchema!: AttributeFieldDto[];
  @ApiProperty({ type: [AttributeFieldDto], description: 'Effective fields (inherited + own)' })
  attributes!: AttributeFieldDto[];
  @ApiProperty({ type: [ItemDto] }) items!: ItemDto[];
  @ApiProperty({ type: () => [CategoryNodeDto] }) children!: CategoryNodeDto[];
}

export class VersionDto {
  @ApiProperty() id!: number;
  @ApiProperty() year!: number;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['DRAFT', 'PUBLISHED', 'SUPERSEDED'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
}

export class VersionTreeDto extends VersionDto {
  @ApiProperty({ type: [CategoryNodeDto] }) categories!: CategoryNodeDto[];
}
