import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { IsCalendarDate } from '../../../platform/http/dates';
import { IsKeyword, IsStatusList } from '../../../platform/http/keyword';
import { PageQuery } from '../../../platform/http/pagination';
import { toIntParam } from '../../../platform/http/params';
import type { ConflictCode } from '../domain/assignment';
import type { Grade } from '../domain/scoring';
import { TASK_KINDS, TASK_STATUSES, TaskKind, TaskStatus } from '../domain/state-machines';
import type { TaskActions } from '../domain/task-actions';

export { IdParam } from '../../../platform/http/params';

/**
 * The response shapes of the evaluation tasks (issue #11 item 2), which the scoring, review and publication pages
 * build on. Instants are UTC ISO strings (shown in Beijing time), dates `YYYY-MM-DD`, scores decimal text with two
 * places ("84.16"), grade codes EXCELLENT/GOOD/PASS/FAIL.
 *
 * Who reads what (TasksService.visibleTask): staff (officer, finance, auditor) every task of their region subtree
 * (`view: 'STAFF'`); an evaluator the tasks assigned to them (`view: 'EVALUATOR'`); a member of the evaluated
 * organisation its tasks once CONFIRMED or PUBLISHED, without the evaluator's identity (`view: 'ORGANISATION'`:
 * `evaluatorId`, `evaluatorName` and `assignedByName` are null). Anything else is 404.
 */
export type TaskView = 'STAFF' | 'EVALUATOR' | 'ORGANISATION';

export const TASK_SORTS = ['dueAt', '-dueAt', '-createdAt', 'code'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export class ListTasksQuery extends PageQuery {
  @IsStatusList(TASK_STATUSES) status?: TaskStatus[];
  @ApiPropertyOptional({ enum: TASK_KINDS }) @IsOptional() @IsIn(TASK_KINDS) kind?: TaskKind;
  @ApiPropertyOptional({ description: 'The tasks one sampling batch drew' })
  @IsOptional()
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  batchId?: number;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only tasks flagged overdue; false: only not' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
  @IsKeyword('Part of the task code, the contract code or the contract title') q?: string;
  @ApiPropertyOptional({ enum: TASK_SORTS, default: 'dueAt' }) @IsOptional() @IsIn(TASK_SORTS) sort?: TaskSort;
}

export class ContractIdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) contractId!: number;
}

export class TaskSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'PG-2027-000012' }) code!: string;
  @ApiProperty({ enum: TASK_KINDS }) kind!: TaskKind;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty() contractId!: number;
  @ApiProperty() contractCode!: string;
  @ApiProperty() contractTitle!: string;
  @ApiProperty({ description: 'The evaluated organisation (the contract’s supplier)' }) organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty() projectId!: number;
  @ApiProperty() projectTitle!: string;
  @ApiProperty() regionId!: number;
  @ApiProperty() regionName!: string;
  @ApiProperty({ nullable: true, type: Number }) batchId!: number | null;
  @ApiProperty({ nullable: true, type: String }) batchName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) agencyId!: number | null;
  @ApiProperty({ nullable: true, type: String }) agencyName!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null for the evaluated organisation' })
  evaluatorId!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'null for the evaluated organisation' })
  evaluatorName!: string | null;
  @ApiProperty({ description: 'Due by this instant (24:00 Beijing of the due date)' }) dueAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Flagged overdue at (the due time passed unfinished)' })
  overdueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) assignedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) confirmedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '84.16', description: 'Once submitted' })
  totalScore!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] }) grade!: Grade | null;
  @ApiProperty() createdAt!: string;
}

export class TaskTemplateRefDto {
  @ApiProperty() id!: number;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
}

export class TaskContractRefDto {
  @ApiProperty() status!: string;
  @ApiProperty({ example: '2027-01-01' }) termStart!: string;
  @ApiProperty({ example: '2027-12-31' }) termEnd!: string;
}

export class TaskActionsDto implements TaskActions {
  @ApiProperty() assign!: boolean;
  @ApiProperty() reassign!: boolean;
  @ApiProperty() start!: boolean;
  @ApiProperty() score!: boolean;
  @ApiProperty() submit!: boolean;
  @ApiProperty() confirm!: boolean;
  @ApiProperty() return!: boolean;
  @ApiProperty() publish!: boolean;
  @ApiProperty() object!: boolean;
}

export class TaskDto extends TaskSummaryDto {
  @ApiProperty({ enum: ['STAFF', 'EVALUATOR', 'ORGANISATION'], description: 'How the reader sees the task' })
  view!: TaskView;
  @ApiProperty({ type: TaskContractRefDto }) contract!: TaskContractRefDto;
  @ApiProperty({ type: TaskTemplateRefDto, description: 'The indicator template (frozen when the task was created)' })
  template!: TaskTemplateRefDto;
  @ApiProperty({ nullable: true, type: String }) assignedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) remindedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnComment!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The organisation may object until then' })
  objectionDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The exact total "n/d"' }) totalExact!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The evaluator’s summary (总体评价)' })
  summary!: string | null;
  @ApiProperty({ type: TaskActionsDto, description: 'What the reader may do now' }) actions!: TaskActionsDto;
}

// ---- the final task made by hand, and the contracts still waiting for theirs

export class FinalTaskCandidateDto {
  @ApiProperty() contractId!: number;
  @ApiProperty() contractCode!: string;
  @ApiProperty() contractTitle!: string;
  @ApiProperty() contractStatus!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() termEnd!: string;
  @ApiProperty({ description: 'When the job creates the final task (one month before the term ends)' })
  opensAt!: string;
  @ApiProperty({ description: 'The due time the task will get' }) dueAt!: string;
}

// ---- assignment

export class AssignTasksDto {
  @ApiProperty({ type: [Number], description: 'OPEN tasks to assign, or ASSIGNED ones to reassign (1–100)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2147483647, { each: true })
  taskIds!: number[];
  @ApiProperty({ description: 'An ACTIVE organisation of kind EVALUATION_AGENCY' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  agencyId!: number;
  @ApiProperty({ description: 'An active evaluator (role EVALUATOR) of that agency' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  evaluatorId!: number;
}

export class ConflictDto {
  @ApiProperty({ enum: ['AGENCY_IS_PROVIDER', 'CURRENT_EMPLOYMENT', 'PAST_EMPLOYMENT', 'DECLARED_RELATIONSHIP'] })
  code!: ConflictCode;
  @ApiProperty({ description: 'The evaluated organisation' }) organisationName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'PAST_EMPLOYMENT: its last day' }) endedOn!: string | null;
  @ApiProperty({ description: 'The rule’s own words (zh-CN)' }) reason!: string;
}

export class AssigneeEvaluatorDto {
  @ApiProperty() id!: number;
  @ApiProperty() displayName!: string;
  @ApiProperty() eligible!: boolean;
  @ApiProperty({ nullable: true, type: ConflictDto }) conflict!: ConflictDto | null;
  @ApiProperty({ description: 'Tasks assigned to them and not yet submitted (their load)' }) openTasks!: number;
}

export class AssigneeAgencyDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The agency has no conflict and at least one eligible evaluator' }) eligible!: boolean;
  @ApiProperty({ nullable: true, type: ConflictDto }) conflict!: ConflictDto | null;
  @ApiProperty({ type: [AssigneeEvaluatorDto] }) evaluators!: AssigneeEvaluatorDto[];
}

export class AssigneesDto {
  @ApiProperty() taskId!: number;
  @ApiProperty({ description: 'The evaluated organisation' }) organisationName!: string;
  @ApiProperty({ type: [AssigneeAgencyDto], description: 'Every ACTIVE evaluation agency, eligible first' })
  agencies!: AssigneeAgencyDto[];
}

// ---- evaluators' own declarations

export class DeclareEvaluatorAffiliationDto {
  @ApiProperty() @IsInt() @Min(1) @Max(2147483647) organisationId!: number;
  @ApiProperty({ enum: ['EMPLOYMENT', 'DECLARED'], description: '任职 or another relationship (亲属、顾问…)' })
  @IsIn(['EMPLOYMENT', 'DECLARED'])
  kind!: 'EMPLOYMENT' | 'DECLARED';
  @ApiPropertyOptional({ example: '2021-03-01' }) @IsOptional() @IsCalendarDate() startedOn?: string;
  @ApiPropertyOptional({ example: '2024-06-30', description: 'Empty while it lasts' })
  @IsOptional()
  @IsCalendarDate()
  endedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) note?: string;
}

export class EvaluatorAffiliationDto {
  @ApiProperty() id!: number;
  @ApiProperty() organisationId!: number;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ enum: ['EMPLOYMENT', 'DECLARED'] }) kind!: 'EMPLOYMENT' | 'DECLARED';
  @ApiProperty({ nullable: true, type: String }) startedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) endedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() createdAt!: string;
}

export class OrganisationSearchQuery {
  @ApiProperty({ description: 'Part of the name, or the start of the credit code' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  q!: string;
}

export class OrganisationOptionDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() kind!: string;
}
