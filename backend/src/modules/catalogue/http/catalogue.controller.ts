import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import {
  CategoryNodeDto,
  CreateCategoryDto,
  CreateItemDto,
  CreateVersionDto,
  IdParam,
  ItemDto,
  UpdateCategoryDto,
  UpdateItemDto,
  VersionDto,
  VersionTreeDto,
  YearQuery,
} from '../dto/catalogue.dto';
import { CatalogueService } from '../services/catalogue.service';

@ApiTags('catalogue')
@Controller('v1/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('versions')
  @RequirePermission(PERMISSIONS.CATALOGUE_READ)
  @ApiOkResponse({ type: [VersionDto] })
  versions(): Promise<VersionDto[]> {
    return this.catalogue.versions();
  }

  @Get('current')
  @RequirePermission(PERMISSIONS.CATALOGUE_READ)
  @ApiOkResponse({ type: VersionTreeDto, description: "The year's published catalogue" })
  current(@Query() q: YearQuery): Promise<VersionTreeDto> {
    return this.catalogue.current(q.year);
  }

  @Get('versions/:id')
  @RequirePermission(PERMISSIONS.CATALOGUE_READ)
  @ApiOkResponse({ type: VersionTreeDto })
  tree(@Param() p: IdParam): Promise<VersionTreeDto> {
    return this.catalogue.tree(p.id);
  }

  @Post('versions')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiCreatedResponse({ type: VersionDto })
  createVersion(@CurrentActor() actor: Actor, @Body() dto: CreateVersionDto): Promise<VersionDto> {
    return this.catalogue.createVersion(actor, dto);
  }

  @Post('versions/:id/publish')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiOkResponse({ type: VersionDto })
  publish(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<VersionDto> {
    return this.catalogue.publish(actor, p.id);
  }

  @Post('versions/:id/categories')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiCreatedResponse({ type: CategoryNodeDto })
  addCategory(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: CreateCategoryDto,
  ): Promise<CategoryNodeDto> {
    return this.catalogue.addCategory(actor, p.id, dto);
  }

  @Patch('categories/:id')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiNoContentResponse()
  updateCategory(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: UpdateCategoryDto): Promise<void> {
    return this.catalogue.updateCategory(actor, p.id, dto);
  }

  @Post('versions/:id/items')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiCreatedResponse({ type: ItemDto })
  addItem(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: CreateItemDto): Promise<ItemDto> {
    return this.catalogue.addItem(actor, p.id, dto);
  }

  @Patch('items/:id')
  @RequirePermission(PERMISSIONS.CATALOGUE_MANAGE)
  @ApiOkResponse({ type: ItemDto })
  updateItem(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: UpdateItemDto): Promise<ItemDto> {
    return this.catalogue.updateItem(actor, p.id, dto);
  }
}
