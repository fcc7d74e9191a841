import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsBase64Text } from '../../../platform/http/base64';
import { IsStatusList } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { IdParam, toIntParam } from '../../../platform/http/params';
import { IsReason } from '../../../platform/http/reason';
import {
  EVALUATION_OBJECTION_STATUSES,
  EvaluationObjectionStatus,
  OBJECTION_MAX_FILES,
} from '../domain/objection.state-machine';
import { Grade, GRADES } from '../domain/scoring';
import { TASK_KINDS, TASK_STATUSES, TaskKind, TaskStatus } from '../domain/state-machines';

export { IdParam };

// ---- requests

export class ReturnEvaluationDto {
  @ApiProperty({ description: 'What the evaluator must change (2–1000 characters).', example: '请补充走访记录。' })
  @IsReason(1000)
  comment!: string;
}

export class ObjectionAttachmentInput {
  @ApiProperty({ example: '满意度调查原始记录.pdf' }) @IsString() @Length(1, 200) fileName!: string;
  @ApiProperty({ description: 'The file, base64 (PDF, PNG or JPEG by content; 5 MB at most)' })
  @IsString()
  @MaxLength(7_000_000)
  @IsBase64Text()
  contentBase64!: string;
}

export class FileEvaluationObjectionDto {
  @ApiProperty({
    description: 'Why the result is wrong (10–5000 characters).',
    example: '满意度调查只收回 8 份问卷，低于规定的最少份数，满意度指标不应按系统计算。',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(10, 5000)
  reasons!: string;

  @ApiPropertyOptional({ type: [ObjectionAttachmentInput], description: `At most ${OBJECTION_MAX_FILES} files` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(OBJECTION_MAX_FILES)
  @ValidateNested({ each: true })
  @Type(() => ObjectionAttachmentInput)
  attachments?: ObjectionAttachmentInput[];
}

export class DecideEvaluationObjectionDto {
  @ApiProperty({ description: 'The answer to the organisation: why (2–2000 characters).', example: '样本量符合要求。' })
  @IsReason(2000)
  answer!: string;
}

export class ListResultsQuery extends PageQuery {
  @IsStatusList(TASK_STATUSES) status?: TaskStatus[];
}

export class ListObjectionsQuery extends PageQuery {
  @IsStatusList(EVALUATION_OBJECTION_STATUSES) status?: EvaluationObjectionStatus[];
  @ApiPropertyOptional({ description: 'Only the objections to this evaluation task' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  taskId?: number;
}

export class ObjectionFileParam extends IdParam {
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  fileId!: number;
}

// ---- responses

export class ObjectionFileDto {
  @ApiProperty() id!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty() mime!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
}

export class EvaluationObjectionDto {
  @ApiProperty() id!: number;
  @ApiProperty() taskId!: number;
  @ApiProperty() taskCode!: string;
  @ApiProperty({ enum: TASK_STATUSES }) taskStatus!: TaskStatus;
  @ApiProperty() projectTitle!: string;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ nullable: true, type: String, example: '84.16' }) score!: string | null;
  @ApiProperty({ nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ enum: EVALUATION_OBJECTION_STATUSES }) status!: EvaluationObjectionStatus;
  @ApiProperty() reasons!: string;
  @ApiProperty({ description: 'The end of the window it was filed in' }) windowDueAt!: string;
  @ApiProperty() filedAt!: string;
  @ApiProperty() filedByName!: string;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) answer!: string | null;
  @ApiProperty({ type: [ObjectionFileDto] }) files!: ObjectionFileDto[];
  @ApiProperty({ type: [String], enum: ['UPHOLD', 'DISMISS'], description: 'What the caller may do now' })
  actions!: Array<'UPHOLD' | 'DISMISS'>;
}

export class FinalTrancheDto {
  @ApiProperty({ enum: ['FULL', 'REDUCED', 'WITHHELD'] }) outcome!: 'FULL' | 'REDUCED' | 'WITHHELD';
  @ApiProperty({ example: '93000.00', description: 'The tranche before the result (yuan)' }) tranche!: string;
  @ApiProperty({ example: '79050.00', description: 'What is (to be) paid (yuan)' }) amount!: string;
  @ApiProperty({ example: '13950.00', description: 'Deducted and returned to the budget line (yuan)' })
  released!: string;
  @ApiProperty({ example: 'REQUESTED' }) status!: string;
}

export class ResultBarDto {
  @ApiProperty({ example: '鼓楼区' }) regionName!: string;
  @ApiProperty({ example: '2027-12-11', description: 'Last day of the bar (Beijing)' }) untilDate!: string;
}

export class EvaluationResultDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'PG-2026-000012' }) code!: string;
  @ApiProperty({ enum: TASK_KINDS }) kind!: TaskKind;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty() projectId!: number;
  @ApiProperty() projectTitle!: string;
  @ApiProperty() contractId!: number;
  @ApiProperty() contractCode!: string;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ nullable: true, type: String }) agencyName!: string | null;
  @ApiProperty({ nullable: true, type: String }) evaluatorName!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '84.16',
    description: 'Hidden from the organisation until confirmed',
  })
  totalScore!: string | null;
  @ApiProperty({ nullable: true, enum: GRADES }) grade!: Grade | null;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The end of the objection window (24:00 Beijing)' })
  objectionDueAt!: string | null;
  @ApiProperty({ description: 'The objection window is open now (database clock)' }) windowOpen!: boolean;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Staff and the agency: why it was returned' })
  returnComment!: string | null;
  @ApiProperty({ description: 'The evaluation report (PDF)', example: '/api/v1/evaluation/tasks/12/report.pdf' })
  reportUrl!: string;
  @ApiProperty({ nullable: true, type: FinalTrancheDto, description: 'The final tranche decided by the result' })
  finalTranche!: FinalTrancheDto | null;
  @ApiProperty({ nullable: true, type: ResultBarDto, description: 'The bar from bidding a failed result caused' })
  bar!: ResultBarDto | null;
  @ApiProperty({ type: [EvaluationObjectionDto] }) objections!: EvaluationObjectionDto[];
  @ApiProperty({ type: [String], enum: ['CONFIRM', 'RETURN', 'OBJECT'], description: 'What the caller may do now' })
  actions!: Array<'CONFIRM' | 'RETURN' | 'OBJECT'>;
}

export class EvaluationResultPageDto {
  @ApiProperty({ type: [EvaluationResultDto] }) items!: EvaluationResultDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class EvaluationObjectionPageDto {
  @ApiProperty({ type: [EvaluationObjectionDto] }) items!: EvaluationObjectionDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
