import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import {
  AffiliationDto,
  DeclareRelationshipDto,
  OrganisationOptionDto,
  OrganisationSearchQuery,
} from '../dto/procurement.dto';
import { ExpertsService } from '../services/experts.service';

@ApiTags('procurement')
@Controller('v1/my/expert')
export class ExpertsController {
  constructor(private readonly experts: ExpertsService) {}

  @Get('affiliations')
  @RequirePermission(PERMISSIONS.SCORES_SUBMIT)
  @ApiOkResponse({ type: [AffiliationDto] })
  mine(@CurrentActor() actor: Actor): Promise<AffiliationDto[]> {
    return this.experts.mine(actor);
  }

  @Post('affiliations')
  @RequirePermission(PERMISSIONS.SCORES_SUBMIT)
  @ApiCreatedResponse({
    type: [AffiliationDto],
    description:
      'Declares an affiliation or relationship; experts with one are never drawn for tenders that organisation bids in.',
  })
  declare(@CurrentActor() actor: Actor, @Body() dto: DeclareRelationshipDto): Promise<AffiliationDto[]> {
    return this.experts.declare(actor, dto);
  }

  @Get('organisations')
  @RequirePermission(PERMISSIONS.SCORES_SUBMIT)
  @ApiOkResponse({
    type: [OrganisationOptionDto],
    description: 'Active organisations by name, to declare an affiliation with (at most 20).',
  })
  organisations(@Query() q: OrganisationSearchQuery): Promise<OrganisationOptionDto[]> {
    return this.experts.searchOrganisations(q.q);
  }
}
