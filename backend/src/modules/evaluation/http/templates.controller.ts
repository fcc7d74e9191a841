import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import {
  CreateTemplateDto,
  IdParam,
  ListTemplatesQuery,
  TemplateDto,
  TemplateSummaryDto,
  UpdateTemplateDto,
} from '../dto/templates.dto';
import { TemplatesService } from '../services/templates.service';

/**
 * 指标体系: city-wide reference data. Everyone who takes part in evaluations reads them (the evaluator scores by
 * their guides, the organisation sees what it is evaluated on); the procurement officer writes them.
 */
@ApiTags('evaluation')
@Controller('v1/evaluation/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ description: 'Every version of every template, by code then newest version first.' })
  list(@Query() q: ListTemplatesQuery): Promise<Page<TemplateSummaryDto>> {
    return this.templates.list(q);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: TemplateDto, description: 'With its tree, a summary, its problems and its versions.' })
  get(@Param() p: IdParam): Promise<TemplateDto> {
    return this.templates.get(p.id);
  }

  @Post()
  @RequirePermission(PERMISSIONS.EVALUATION_TEMPLATES_MANAGE)
  @ApiCreatedResponse({
    type: TemplateDto,
    description: 'A new family’s version 1 as a DRAFT. 422 with `errors[]` (field paths) for a malformed tree.',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTemplateDto): Promise<TemplateDto> {
    return this.templates.create(actor, dto);
  }

  @Put(':id')
  @RequirePermission(PERMISSIONS.EVALUATION_TEMPLATES_MANAGE)
  @ApiOkResponse({
    type: TemplateDto,
    description: 'Replaces a DRAFT’s name, description and tree; 409 EVALUATION_TEMPLATE_FROZEN once used.',
  })
  update(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: UpdateTemplateDto): Promise<TemplateDto> {
    return this.templates.update(actor, p.id, dto);
  }

  @Post(':id/versions')
  @RequirePermission(PERMISSIONS.EVALUATION_TEMPLATES_MANAGE)
  @ApiCreatedResponse({ type: TemplateDto, description: 'A copy of this version as the family’s next DRAFT.' })
  newVersion(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TemplateDto> {
    return this.templates.newVersion(actor, p.id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_TEMPLATES_MANAGE)
  @ApiOkResponse({ type: TemplateDto, description: 'DRAFT → ACTIVE; 422 with `errors[]` while the tree has problems.' })
  activate(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TemplateDto> {
    return this.templates.activate(actor, p.id);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_TEMPLATES_MANAGE)
  @ApiOkResponse({ type: TemplateDto, description: 'ACTIVE → RETIRED: no longer offered.' })
  retire(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TemplateDto> {
    return this.templates.retire(actor, p.id);
  }
}
