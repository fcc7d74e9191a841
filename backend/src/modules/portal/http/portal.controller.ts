import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Public } from '../../../platform/access';
import { IdParam } from '../../../platform/http/params';
import {
  PortalCommunityDto,
  PortalFiguresDto,
  PortalOrganisationDto,
  PortalProjectDto,
  PortalProjectPageDto,
  PortalProjectsQuery,
  PortalRegionDto,
  PortalScopeQuery,
} from '../dto/portal.dto';
import { PortalFiguresService } from '../services/portal-figures.service';
import { PortalProjectsService } from '../services/portal-projects.service';
import { PortalRecordsService } from '../services/portal-records.service';

const CACHED = 'Anonymous. Answers are reused for 5 seconds (a change shows within that time).';

/** 公开门户: the public portal's reads (docs/domain/portal.md). Anonymous; nothing sealed, nothing personal. */
@ApiTags('transparency')
@Controller('v1/public')
export class PortalController {
  constructor(
    private readonly figures: PortalFiguresService,
    private readonly projects: PortalProjectsService,
    private readonly records: PortalRecordsService,
  ) {}

  @Get('regions')
  @Public()
  @ApiOkResponse({
    type: [PortalRegionDto],
    description: `The region tree (city, districts, streets, communities). ${CACHED}`,
  })
  regions(): Promise<PortalRegionDto[]> {
    return this.figures.regions();
  }

  @Get('figures')
  @Public()
  @ApiOkResponse({
    type: PortalFiguresDto,
    description: `The home page's figures for a year and a region subtree. ${CACHED}`,
  })
  @ApiNotFoundResponse({ description: 'PORTAL_REGION_NOT_FOUND' })
  home(@Query() q: PortalScopeQuery): Promise<PortalFiguresDto> {
    return this.figures.figures(q);
  }

  @Get('projects')
  @Public()
  @ApiOkResponse({ type: PortalProjectPageDto, description: `Approved projects, newest first. ${CACHED}` })
  @ApiNotFoundResponse({ description: 'PORTAL_REGION_NOT_FOUND' })
  list(@Query() q: PortalProjectsQuery): Promise<PortalProjectPageDto> {
    return this.projects.list(q);
  }

  @Get('projects/:id')
  @Public()
  @ApiOkResponse({ type: PortalProjectDto, description: `A project from its needs to its grade. ${CACHED}` })
  @ApiNotFoundResponse({ description: 'PORTAL_PROJECT_NOT_FOUND (missing or not public)' })
  project(@Param() p: IdParam): Promise<PortalProjectDto> {
    return this.projects.get(p.id);
  }

  @Get('communities/:id')
  @Public()
  @ApiOkResponse({
    type: PortalCommunityDto,
    description: `A community: its needs, what was funded, money spent there. ${CACHED}`,
  })
  @ApiNotFoundResponse({ description: 'PORTAL_COMMUNITY_NOT_FOUND' })
  community(@Param() p: IdParam): Promise<PortalCommunityDto> {
    return this.records.community(p.id);
  }

  @Get('organisations/:id')
  @Public()
  @ApiOkResponse({ type: PortalOrganisationDto, description: `An organisation's public record. ${CACHED}` })
  @ApiNotFoundResponse({ description: 'PORTAL_ORGANISATION_NOT_FOUND (missing or not registered)' })
  organisation(@Param() p: IdParam): Promise<PortalOrganisationDto> {
    return this.records.organisation(p.id);
  }
}
