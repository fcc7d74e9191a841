import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import {
  AssigneesDto,
  AssignTasksDto,
  ContractIdParam,
  FinalTaskCandidateDto,
  IdParam,
  ListTasksQuery,
  TaskDto,
  TaskSummaryDto,
} from '../dto/tasks.dto';
import { AssignmentService } from '../services/assignment.service';
import { FinalTasks } from '../services/final-tasks.service';
import { TasksService } from '../services/tasks.service';

@ApiTags('evaluation')
@Controller('v1/evaluation/tasks')
export class EvaluationTasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly assignment: AssignmentService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({
    description:
      'Staff: the tasks of their region subtree; an evaluator: the tasks assigned to them; an organisation member: its own once CONFIRMED or PUBLISHED (no evaluator identity).',
  })
  list(@CurrentActor() actor: Actor, @Query() q: ListTasksQuery): Promise<Page<TaskSummaryDto>> {
    return this.tasks.list(actor, q);
  }

  @Post('assign')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({
    type: [TaskSummaryDto],
    description:
      'Assigns OPEN tasks (or reassigns ASSIGNED ones) to an agency and one of its evaluators, all or none; 422 EVALUATION_CONFLICT_OF_INTEREST with `conflicts`.',
  })
  assign(@CurrentActor() actor: Actor, @Body() dto: AssignTasksDto): Promise<TaskSummaryDto[]> {
    return this.assignment.assign(actor, dto);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: TaskDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TaskDto> {
    return this.tasks.get(actor, p.id);
  }

  @Get(':id/assignees')
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({
    type: AssigneesDto,
    description: 'Every active evaluation agency and its evaluators, eligible or excluded with the reason.',
  })
  assignees(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<AssigneesDto> {
    return this.assignment.assignees(actor, p.id);
  }
}

@ApiTags('evaluation')
@Controller('v1/evaluation')
export class EvaluationFinalTasksController {
  constructor(private readonly finals: FinalTasks) {}

  @Get('final-task-candidates')
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({
    type: [FinalTaskCandidateDto],
    description:
      'Signed or active contracts of the officer’s subtree without a final task yet, soonest term end first.',
  })
  candidates(@CurrentActor() actor: Actor): Promise<FinalTaskCandidateDto[]> {
    return this.finals.candidates(actor);
  }

  @Post('contracts/:contractId/final-task')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({
    type: TaskDto,
    description: 'Creates the contract’s FINAL task now (idempotent: the existing one when there is one).',
  })
  createFinal(@CurrentActor() actor: Actor, @Param() p: ContractIdParam): Promise<TaskDto> {
    return this.finals.createNow(actor, p.contractId);
  }
}
