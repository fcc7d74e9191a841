import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import {
  EvaluationObjectionDto,
  EvaluationResultDto,
  EvaluationResultPageDto,
  FileEvaluationObjectionDto,
  IdParam,
  ListResultsQuery,
  ReturnEvaluationDto,
} from '../dto/results.dto';
import { EvaluationObjectionsService } from '../services/evaluation-objections.service';
import { ResultsService } from '../services/results.service';
import { ReviewService } from '../services/review.service';

/**
 * Evaluation results (issue #11 item 5): the officer's review of a submitted evaluation, the organisation's results
 * and its objections to them. Scope: officers their region subtree, members their own organisation's confirmed
 * results, evaluators their agency's; anything else is 404.
 */
@ApiTags('evaluation')
@Controller('v1/evaluation')
export class EvaluationResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly review: ReviewService,
    private readonly objections: EvaluationObjectionsService,
  ) {}

  @Get('results')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: EvaluationResultPageDto, description: 'Results in the caller’s scope, newest first' })
  list(@CurrentActor() actor: Actor, @Query() q: ListResultsQuery): Promise<Page<EvaluationResultDto>> {
    return this.results.list(actor, q);
  }

  @Get('results/:id')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: EvaluationResultDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<EvaluationResultDto> {
    return this.results.get(actor, p.id);
  }

  @Post('tasks/:id/confirm')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: EvaluationResultDto, description: 'SUBMITTED → CONFIRMED; the objection window opens' })
  async confirm(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<EvaluationResultDto> {
    await this.review.confirm(actor, p.id);
    return this.results.get(actor, p.id);
  }

  @Post('tasks/:id/return')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({ type: EvaluationResultDto, description: 'SUBMITTED → RETURNED to the evaluator with comments' })
  async returnToEvaluator(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: ReturnEvaluationDto,
  ): Promise<EvaluationResultDto> {
    await this.review.returnToEvaluator(actor, p.id, dto.comment);
    return this.results.get(actor, p.id);
  }

  @Post('tasks/:id/objections')
  @RequirePermission(PERMISSIONS.EVALUATION_OBJECT)
  @ApiCreatedResponse({
    type: EvaluationObjectionDto,
    description: 'Filed within the window (409 EVALUATION_OBJECTION_WINDOW_CLOSED after it)',
  })
  file(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: FileEvaluationObjectionDto,
  ): Promise<EvaluationObjectionDto> {
    return this.objections.file(actor, p.id, dto);
  }
}
