import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { IsKeyword } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import {
  COMPUTED_INDICATORS,
  LEAF_KINDS,
  MAX_DEPTH,
  type ComputedIndicator,
  type LeafKind,
} from '../domain/indicator-tree';
import {
  TEMPLATE_PURPOSES,
  TEMPLATE_STATUSES,
  type TemplatePurpose,
  type TemplateStatus,
} from '../domain/state-machines';

export { IdParam } from '../../../platform/http/params';

/** Points as the tree format writes them: a decimal text, at most 2 places ("15", "7.5"). */
const POINTS = /^\d{1,9}(\.\d{1,2})?$/;
const POINTS_MESSAGE = 'must be points such as 15 or 7.5 (2 decimal places at most)';
/** A template family's code, e.g. XM-JJYL (项目·居家养老). */
export const TEMPLATE_CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;
/** Enough for any real tree (a 1,000-point grade assessment has some 60 leaves), small enough to stay cheap. */
const MAX_CHILDREN = 40;

// ---------------------------------------------------------------------------------------------------------------
// The tree (domain/indicator-tree.ts IndicatorTree): typed here, checked for sums and levels by validateTree.

export class GuideLevelDto {
  @ApiProperty({ example: '好' }) @IsString() @MaxLength(20) label!: string;
  @ApiProperty({ example: '4', description: 'Lower bound of the level, points' })
  @IsString()
  @Matches(POINTS, { message: `from ${POINTS_MESSAGE}` })
  from!: string;
  @ApiProperty({ example: '5', description: 'Upper bound of the level, points (within the leaf’s points)' })
  @IsString()
  @Matches(POINTS, { message: `to ${POINTS_MESSAGE}` })
  to!: string;
  @ApiProperty({ example: '服务记录完整，抽查无差错' }) @IsString() @MaxLength(500) description!: string;
}

export class IndicatorNodeDto {
  @ApiProperty({ example: 'D', description: 'Stable within the template: scores are stored by it' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'key must be 1–32 letters, digits, - or _' })
  key!: string;
  @ApiProperty({ example: '决策' }) @IsString() @MaxLength(100) name!: string;
  @ApiProperty({ example: '100' })
  @IsString()
  @Matches(POINTS, { message: `points ${POINTS_MESSAGE}` })
  points!: string;
  @ApiPropertyOptional({
    type: () => [IndicatorNodeDto],
    example: [],
    description: `Inner nodes only; ${MAX_DEPTH} levels at most`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHILDREN)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IndicatorNodeDto)
  children?: IndicatorNodeDto[];
  @ApiPropertyOptional({ enum: LEAF_KINDS, description: 'Leaves only' })
  @IsOptional()
  @IsIn(LEAF_KINDS)
  kind?: LeafKind;
  @ApiPropertyOptional({ enum: COMPUTED_INDICATORS, description: 'COMPUTED leaves only' })
  @IsOptional()
  @IsIn(COMPUTED_INDICATORS)
  computed?: ComputedIndicator;
  @ApiPropertyOptional({ type: [GuideLevelDto], description: 'Leaves only: the scoring guide (评分标准)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GuideLevelDto)
  guide?: GuideLevelDto[];
  @ApiPropertyOptional({ description: 'Leaves only: what evidence to collect' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  evidenceHint?: string;
}

export class IndicatorTreeDto {
  @ApiProperty({ example: '100', description: '100 for a project template, 1000 for a grade assessment' })
  @IsString()
  @Matches(POINTS, { message: `total ${POINTS_MESSAGE}` })
  total!: string;
  @ApiProperty({ type: [IndicatorNodeDto] })
  @IsArray()
  @ArrayMaxSize(MAX_CHILDREN)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IndicatorNodeDto)
  nodes!: IndicatorNodeDto[];
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

export class ListTemplatesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TEMPLATE_PURPOSES }) @IsOptional() @IsIn(TEMPLATE_PURPOSES) purpose?: TemplatePurpose;
  @ApiPropertyOptional({ enum: TEMPLATE_STATUSES }) @IsOptional() @IsIn(TEMPLATE_STATUSES) status?: TemplateStatus;
  @ApiPropertyOptional({ description: 'Every version of one family' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Matches(TEMPLATE_CODE, { message: 'code must be 1–32 capital letters, digits, - or _' })
  code?: string;
  @IsKeyword('Part of the name or the code') q?: string;
}

export class CreateTemplateDto {
  @ApiProperty({ example: 'XM-TEST', description: 'The family: its versions share it' })
  @IsString()
  @Matches(TEMPLATE_CODE, { message: 'code must be 1–32 capital letters, digits, - or _ (e.g. XM-JJYL)' })
  code!: string;
  @ApiProperty({ example: '居家养老服务项目绩效评价指标体系' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ enum: TEMPLATE_PURPOSES }) @IsIn(TEMPLATE_PURPOSES) purpose!: TemplatePurpose;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
  @ApiProperty({ type: IndicatorTreeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => IndicatorTreeDto)
  tree!: IndicatorTreeDto;
}

/** The whole draft as the editor holds it (code, purpose and version stay). */
export class UpdateTemplateDto {
  @ApiProperty({ example: '居家养老服务项目绩效评价指标体系' }) @IsString() @Length(1, 100) name!: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
  @ApiProperty({ type: IndicatorTreeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => IndicatorTreeDto)
  tree!: IndicatorTreeDto;
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

export class TemplateProblemDto {
  @ApiProperty({ example: 'tree.nodes[1].children[0].points' }) field!: string;
  @ApiProperty({ example: 'POINTS_DO_NOT_ADD_UP' }) code!: string;
  @ApiProperty() message!: string;
}

export class TemplateLevelDto {
  @ApiProperty({ example: 1 }) depth!: number;
  @ApiProperty() nodes!: number;
  @ApiProperty() leaves!: number;
  @ApiProperty({ example: '100' }) points!: string;
}

export class TemplateBranchDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '15' }) points!: string;
  @ApiProperty() leaves!: number;
}

export class ComputedLeafDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() points!: string;
  @ApiProperty({ enum: COMPUTED_INDICATORS }) computed!: ComputedIndicator;
}

export class TreeSummaryDto {
  @ApiProperty({ example: '100' }) total!: string;
  @ApiProperty({ type: [TemplateLevelDto], description: 'Points per level (1 = 决策/过程/产出/效益)' })
  levels!: TemplateLevelDto[];
  @ApiProperty({ type: [TemplateBranchDto] }) branches!: TemplateBranchDto[];
  @ApiProperty() leafCount!: number;
  @ApiProperty() manualLeaves!: number;
  @ApiProperty({ type: [ComputedLeafDto] }) computedLeaves!: ComputedLeafDto[];
  @ApiProperty({ example: '55', description: 'Points the computed leaves carry together' }) computedPoints!: string;
}

export class TemplateSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'XM-JJYL' }) code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: TEMPLATE_PURPOSES }) purpose!: TemplatePurpose;
  @ApiProperty({ enum: TEMPLATE_STATUSES }) status!: TemplateStatus;
  @ApiProperty({ example: '100' }) totalPoints!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set when a task first used it: it never changes' })
  frozenAt!: string | null;
  @ApiProperty() leafCount!: number;
  @ApiProperty() computedLeafCount!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class TemplateVersionDto {
  @ApiProperty() id!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: TEMPLATE_STATUSES }) status!: TemplateStatus;
  @ApiProperty({ nullable: true, type: String }) frozenAt!: string | null;
}

export class TemplateUsageDto {
  @ApiProperty({ description: 'Evaluation tasks that use this version' }) tasks!: number;
  @ApiProperty({ description: 'Catalogue items whose default template this version is' }) catalogueItems!: number;
}

export class TemplateDto extends TemplateSummaryDto {
  @ApiProperty({ type: IndicatorTreeDto }) tree!: IndicatorTreeDto;
  @ApiProperty({ type: TreeSummaryDto }) summary!: TreeSummaryDto;
  @ApiProperty({
    type: [TemplateProblemDto],
    description: 'What still stands between this draft and activation (empty when it can be activated)',
  })
  problems!: TemplateProblemDto[];
  @ApiProperty({ description: 'A DRAFT whose tree is valid' }) activatable!: boolean;
  @ApiProperty({ type: [TemplateVersionDto], description: 'Every version of the family, newest first' })
  versions!: TemplateVersionDto[];
  @ApiProperty({ type: TemplateUsageDto }) usage!: TemplateUsageDto;
}
