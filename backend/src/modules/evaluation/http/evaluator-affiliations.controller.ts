import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import {
  DeclareEvaluatorAffiliationDto,
  EvaluatorAffiliationDto,
  OrganisationOptionDto,
  OrganisationSearchQuery,
} from '../dto/tasks.dto';
import { AssignmentService } from '../services/assignment.service';

/** An evaluator's own employments and declared relationships (利害关系申报): what excludes them from a task. */
@ApiTags('evaluation')
@Controller('v1/my/evaluator')
export class MyEvaluatorController {
  constructor(private readonly assignment: AssignmentService) {}

  @Get('affiliations')
  @RequirePermission(PERMISSIONS.EVALUATION_SCORE)
  @ApiOkResponse({ type: [EvaluatorAffiliationDto] })
  mine(@CurrentActor() actor: Actor): Promise<EvaluatorAffiliationDto[]> {
    return this.assignment.mine(actor);
  }

  @Post('affiliations')
  @RequirePermission(PERMISSIONS.EVALUATION_SCORE)
  @ApiCreatedResponse({
    type: [EvaluatorAffiliationDto],
    description:
      'Declares an employment or relationship (append-only); the evaluator is never assigned that organisation’s evaluations.',
  })
  declare(
    @CurrentActor() actor: Actor,
    @Body() dto: DeclareEvaluatorAffiliationDto,
  ): Promise<EvaluatorAffiliationDto[]> {
    return this.assignment.declare(actor, dto);
  }

  @Get('organisations')
  @RequirePermission(PERMISSIONS.EVALUATION_SCORE)
  @ApiOkResponse({ type: [OrganisationOptionDto], description: 'Active organisations by name (at most 20).' })
  organisations(@Query() q: OrganisationSearchQuery): Promise<OrganisationOptionDto[]> {
    return this.assignment.searchOrganisations(q.q);
  }
}
