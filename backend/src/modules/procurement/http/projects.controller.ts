import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import {
  CreateProjectDto,
  DecisionNoteDto,
  IdParam,
  ListProjectsQuery,
  ProjectDto,
  ReasonDto,
  UpdateProjectDto,
} from '../dto/procurement.dto';
import { ProjectsService } from '../services/projects.service';

@ApiTags('procurement')
@Controller('v1/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.PROJECTS_READ)
  @ApiOkResponse({ description: 'Projects in your region subtree.' })
  list(@CurrentActor() actor: Actor, @Query() q: ListProjectsQuery): Promise<Page<ProjectDto>> {
    return this.projects.list(actor, q);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.PROJECTS_READ)
  @ApiOkResponse({ type: ProjectDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ProjectDto> {
    return this.projects.get(actor, p.id);
  }

  @Post()
  @RequirePermission(PERMISSIONS.PROJECTS_MANAGE)
  @ApiCreatedResponse({ type: ProjectDto, description: 'A DRAFT bundling approved needs of your region.' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProjectDto): Promise<ProjectDto> {
    return this.projects.create(actor, dto);
  }

  @Put(':id')
  @RequirePermission(PERMISSIONS.PROJECTS_MANAGE)
  @ApiOkResponse({ type: ProjectDto })
  update(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: UpdateProjectDto): Promise<ProjectDto> {
    return this.projects.update(actor, p.id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.PROJECTS_MANAGE)
  @ApiOkResponse({ type: ProjectDto })
  submit(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ProjectDto> {
    return this.projects.submit(actor, p.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.PROJECTS_APPROVE)
  @ApiOkResponse({
    type: ProjectDto,
    description: 'APPROVED: the estimate is reserved on the budget line; the needs move to IN_PROCUREMENT.',
  })
  approve(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: DecisionNoteDto): Promise<ProjectDto> {
    return this.projects.approve(actor, p.id, dto.note);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.PROJECTS_APPROVE)
  @ApiOkResponse({ type: ProjectDto })
  returnToDraft(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: ReasonDto): Promise<ProjectDto> {
    return this.projects.returnToDraft(actor, p.id, dto.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.PROJECTS_MANAGE)
  @ApiOkResponse({ type: ProjectDto, description: 'CANCELLED; an approved project’s reservation is released.' })
  cancel(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: ReasonDto): Promise<ProjectDto> {
    return this.projects.cancel(actor, p.id, dto.reason);
  }
}
