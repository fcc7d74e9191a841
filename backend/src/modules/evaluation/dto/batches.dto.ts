import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { IsCalendarDate } from '../../../platform/http/dates';
import { PageQuery } from '../../../platform/http/pagination';
import { toIntParam } from '../../../platform/http/params';
import type { Grade } from '../domain/scoring';
import type { TaskKind, TaskStatus } from '../domain/state-machines';

/**
 * Mid-term sampling batches (issue #11 item 2) and the officer's summaries (item 7). Rates are percentages as
 * text with two decimals ("30.00"); instants UTC ISO strings; dates `YYYY-MM-DD`.
 */

export class CreateBatchDto {
  @ApiProperty({ example: '2027年上半年中期抽查' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name!: string;
  @ApiPropertyOptional({ description: 'The region subtree to draw from (default: the officer’s own region)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2147483647)
  regionId?: number;
  @ApiPropertyOptional({
    example: '30.00',
    description: 'Share drawn in every district, percent (at least EVALUATION_MID_TERM_SAMPLE_BP, default it)',
  })
  @IsOptional()
  @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: 'samplePercent must be a percentage like 30.00' })
  samplePercent?: string;
  @ApiPropertyOptional({
    example: '2027-07-31',
    description: 'The drawn tasks are due at 24:00 Beijing of this day (default: EVALUATION_TASK_DUE_DAYS from today)',
  })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
}

export class ListBatchesQuery extends PageQuery {}

export class BatchSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() regionId!: number;
  @ApiProperty() regionName!: string;
  @ApiProperty({ example: '30.00' }) samplePercent!: string;
  @ApiProperty() candidateCount!: number;
  @ApiProperty() drawnCount!: number;
  @ApiProperty() dueAt!: string;
  @ApiProperty() createdByName!: string;
  @ApiProperty() createdAt!: string;
}

export class BatchContractDto {
  @ApiProperty() contractId!: number;
  @ApiProperty() code!: string;
}

export class BatchDrawnDto extends BatchContractDto {
  @ApiProperty({ nullable: true, type: Number }) taskId!: number | null;
  @ApiProperty({ nullable: true, type: String }) taskCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) taskStatus!: TaskStatus | null;
}

export class BatchGroupDto {
  @ApiProperty({ description: 'The district (or the region itself for contracts above any district)' })
  regionId!: number;
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ type: [BatchContractDto], description: 'The candidates, by contract code' })
  candidates!: BatchContractDto[];
  @ApiProperty({ description: 'ceil(candidates × rate)' }) size!: number;
  @ApiProperty({ type: [BatchDrawnDto], description: 'Drawn, in draw order' }) drawn!: BatchDrawnDto[];
}

export class BatchDto extends BatchSummaryDto {
  @ApiProperty({ description: '32 random bytes, hex: the draw’s only randomness' }) seed!: string;
  @ApiProperty() procedure!: string;
  @ApiProperty({ type: [BatchGroupDto] }) groups!: BatchGroupDto[];
}

export class DrawKeyDto {
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'HMAC-SHA256(seed, code), hex' }) key!: string;
  @ApiProperty() drawn!: boolean;
}

export class DrawGroupCheckDto {
  @ApiProperty() regionId!: number;
  @ApiProperty() regionName!: string;
  @ApiProperty() candidateCount!: number;
  @ApiProperty() size!: number;
  @ApiProperty({ type: [String], description: 'What the batch recorded as drawn' }) recorded!: string[];
  @ApiProperty({ type: [String], description: 'What the procedure draws again from the seed' }) recomputed!: string[];
  @ApiProperty() matches!: boolean;
  @ApiProperty({ type: [DrawKeyDto], description: 'Every candidate’s key, ascending' }) keys!: DrawKeyDto[];
}

export class DrawVerificationDto {
  @ApiProperty() batchId!: number;
  @ApiProperty() seed!: string;
  @ApiProperty({ example: '30.00' }) samplePercent!: string;
  @ApiProperty() procedure!: string;
  @ApiProperty({ description: 'Every group re-draws exactly what was recorded' }) matches!: boolean;
  @ApiProperty({ description: 'The audit event of the draw holds the same seed, candidates and result' })
  auditMatches!: boolean;
  @ApiProperty({ description: 'The batch’s MID_TERM tasks are exactly the drawn contracts' }) tasksMatch!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The audit event (seq) that recorded the draw' })
  auditSeq!: number | null;
  @ApiProperty({ type: [DrawGroupCheckDto] }) groups!: DrawGroupCheckDto[];
}

// ---- summaries

export class SummaryQuery {
  @ApiProperty({ example: 2027, description: 'The year the tasks are due (Beijing)' })
  @Transform(toIntParam)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
  @ApiPropertyOptional({ description: 'A region of the reader’s subtree (default: their own)' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  regionId?: number;
}

export class LateTaskDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() kind!: TaskKind;
  @ApiProperty() status!: TaskStatus;
  @ApiProperty() contractCode!: string;
  @ApiProperty() contractTitle!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ nullable: true, type: String }) agencyName!: string | null;
  @ApiProperty({ nullable: true, type: String }) evaluatorName!: string | null;
  @ApiProperty() dueAt!: string;
  @ApiProperty() overdueAt!: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
}

export class SummaryCountsDto {
  @ApiProperty() tasks!: number;
  @ApiProperty({ description: 'Tasks by status (every status, zeros included)' }) byStatus!: Record<TaskStatus, number>;
  @ApiProperty({ description: 'Results confirmed or published, by grade (every grade, zeros included)' })
  byGrade!: Record<Grade, number>;
  @ApiProperty({ description: 'Results confirmed or published' }) graded!: number;
  @ApiProperty({ description: 'Tasks flagged overdue (their due time passed before the result was submitted)' })
  late!: number;
}

export class SummaryRowDto extends SummaryCountsDto {
  @ApiProperty({ description: 'A district (or the region itself for tasks above any district)' }) regionId!: number;
  @ApiProperty() regionName!: string;
}

export class SummaryDto {
  @ApiProperty({ enum: ['BATCH', 'REGION_YEAR'] }) scope!: 'BATCH' | 'REGION_YEAR';
  @ApiProperty({ nullable: true, type: Number }) batchId!: number | null;
  @ApiProperty({ nullable: true, type: String }) batchName!: string | null;
  @ApiProperty() regionId!: number;
  @ApiProperty() regionName!: string;
  @ApiProperty({ nullable: true, type: Number }) year!: number | null;
  @ApiProperty({ type: SummaryCountsDto }) total!: SummaryCountsDto;
  @ApiProperty({ type: [SummaryRowDto], description: 'Per district' }) rows!: SummaryRowDto[];
  @ApiProperty({ type: [LateTaskDto] }) lateTasks!: LateTaskDto[];
}
