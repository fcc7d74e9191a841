import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { CreateRegionDto, RegionDto, RegionIdParam, RegionNodeDto, UpdateRegionDto } from '../dto/region.dto';
import { RegionsService } from '../services/regions.service';

@ApiTags('regions')
@Controller('v1/regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('tree')
  @RequirePermission(PERMISSIONS.REGIONS_READ)
  @ApiOkResponse({ type: [RegionNodeDto], description: "The caller's region subtree" })
  tree(@CurrentActor() actor: Actor): Promise<RegionNodeDto[]> {
    return this.regions.tree(actor);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.REGIONS_READ)
  @ApiOkResponse({ type: RegionDto })
  get(@CurrentActor() actor: Actor, @Param() p: RegionIdParam): Promise<RegionDto> {
    return this.regions.get(actor, p.id);
  }

  @Get(':id/subtree')
  @RequirePermission(PERMISSIONS.REGIONS_READ)
  @ApiOkResponse({ type: [RegionDto] })
  subtree(@CurrentActor() actor: Actor, @Param() p: RegionIdParam): Promise<RegionDto[]> {
    return this.regions.subtree(actor, p.id);
  }

  @Post()
  @RequirePermission(PERMISSIONS.REGIONS_MANAGE)
  @ApiCreatedResponse({ type: RegionDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRegionDto): Promise<RegionDto> {
    return this.regions.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.REGIONS_MANAGE)
  @ApiOkResponse({ type: RegionDto })
  update(@CurrentActor() actor: Actor, @Param() p: RegionIdParam, @Body() dto: UpdateRegionDto): Promise<RegionDto> {
    return this.regions.update(actor, p.id, dto);
  }
}
