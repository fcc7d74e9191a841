import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import {
  CampaignDto,
  CreateCampaignDto,
  DeliberationDto,
  IdParam,
  ListCampaignsQuery,
  RecordDeliberationDto,
  UpdateCampaignDto,
} from '../dto/needs.dto';
import { CampaignsService } from '../services/campaigns.service';
import { DeliberationService } from '../services/deliberation.service';

@ApiTags('campaigns')
@Controller('v1/campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly deliberations: DeliberationService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.CAMPAIGNS_READ)
  @ApiOkResponse({ type: [CampaignDto] })
  list(@CurrentActor() actor: Actor, @Query() q: ListCampaignsQuery): Promise<Page<CampaignDto>> {
    return this.campaigns.list(actor, q);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.CAMPAIGNS_READ)
  @ApiOkResponse({ type: CampaignDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<CampaignDto> {
    return this.campaigns.get(actor, p.id);
  }

  @Post()
  @RequirePermission(PERMISSIONS.CAMPAIGNS_MANAGE)
  @ApiCreatedResponse({
    type: CampaignDto,
    description: 'Opens at once if opensAt has passed; otherwise a job opens it on time.',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.CAMPAIGNS_MANAGE)
  @ApiOkResponse({ type: CampaignDto, description: '409 CAMPAIGN_RULES_FROZEN once the campaign has opened.' })
  update(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: UpdateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.update(actor, p.id, dto);
  }

  @Get(':id/deliberations')
  @RequirePermission(PERMISSIONS.CAMPAIGNS_READ)
  @ApiOkResponse({ type: [DeliberationDto] })
  deliberationsOf(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<DeliberationDto[]> {
    return this.deliberations.list(actor, p.id);
  }

  @Post(':id/deliberations')
  @RequirePermission(PERMISSIONS.NEEDS_DELIBERATE)
  @ApiCreatedResponse({ type: DeliberationDto })
  deliberate(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: RecordDeliberationDto,
  ): Promise<DeliberationDto> {
    return this.deliberations.record(actor, p.id, dto);
  }
}
