import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { AcceptLanguage } from '../../../platform/i18n';
import {
  BudgetExecutionDto,
  ChartParam,
  DashboardQuery,
  GradesDto,
  MilestonesDto,
  NeedsFunnelDto,
  OrganisationsDto,
  ProjectStagesDto,
  SatisfactionDto,
} from '../dto/dashboards.dto';
import { XLSX_TYPE } from '../services/dashboard-export';
import { DashboardExportService } from '../services/dashboard-export.service';
import { DashboardsService } from '../services/dashboards.service';

/**
 * 数据看板: aggregates of the caller's region subtree (or of a region inside it), per year and category. Every chart
 * has its Excel export with the same figures, in the reader's language.
 */
@ApiTags('dashboards')
@Controller('v1/dashboards')
export class DashboardsController {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly exports: DashboardExportService,
  ) {}

  @Get('needs-funnel')
  @RequirePermission(PERMISSIONS.REPORTS_READ)
  @ApiOkResponse({ type: NeedsFunnelDto })
  async needsFunnel(
    @CurrentActor() actor: Actor,
    @Query() q: DashboardQuery,
    @AcceptLanguage() lang?: string,
  ): Promise<NeedsFunnelDto> {
    return this.dashboards.needsFunnel(await this.dashboards.context(actor, q, lang));
  }

  @Get('budget-execution')
  @RequirePermission(PERMISSIONS.REPORTS_READ)
  @ApiOkResponse({ type: BudgetExecutionDto })
  async budgetExecution(
    @CurrentActor() actor: Actor,
    @Query() q: DashboardQuery,
    @AcceptLanguage() lang?: string,
  ): Promise<BudgetExecutionDto> {
    return this.dashboards.budgetExecution(await this.dashboards.context(actor, q, lang));
  }

  @Get('projects')
  @RequirePermission(PERMISSIONS.REPORTS_READ)
  @ApiOkResponse({ type: ProjectStagesDto })
  async projects(
    @CurrentActor() actor: Actor,
    @Query() q: DashboardQuery,
    @AcceptLanguage() lang?: string,
  ): Promise<ProjectStagesDto> {
    return this.dashboards.projects(await this.dashboards.context(actor, q, lang));
  }

  @Get('milestones')
  @RequirePermission(PERMISSIONS.REPORTS_READ)
  @ApiOkResponse({ type: MilestonesDto })
  async milestones(
    @CurrentActor() actor: Actor,
    @Query() q: DashboardQuery,
    @AcceptLanguage() lang?: string,
  ): Promise<MilestonesDto> {
    return this.dashboards.milestones(await this.dashboards.context(actor, q, lang));
  }

  @Get('grades')
  @RequirePermission(PERMISSIONS.REPORTS_READ)
  @ApiOkResponse({ type: GradesDto })
  async grades(
    @CurrentActor() actor: Actor,
    @Query() q: DashboardQuery,
    @AcceptLanguage() lang?: string,
  ): Promise<GradesDto> {
    return this.dashboards.grades(await this.dashboards.context(actor, q, lang));
  }

  @Get('satisfaction')
  @RequirePermission(PERMISSIONS.REPORTS_READ)
  @ApiOkResponse({ type: SatisfactionDto })
  async satisfaction(
    @CurrentActor() actor: Actor,
    @Query() q: DashboardQuery,
    @AcceptLanguage() lang?: string,
  ): Promise<SatisfactionDto> {
    return this.dashboards.satisfaction(await this.dashboards.context(actor, q, lang));
  }

  @Get('organisations')
  @RequirePermission(PERMISSIONS.REPORTS_READ)
  @ApiOkResponse({ type: OrganisationsDto })
  async organisations(
    @CurrentActor() actor: Actor,
    @Query() q: DashboardQuery,
    @AcceptLanguage() lang?: string,
  ): Promise<OrganisationsDto> {
    return this.dashboards.organisations(await this.dashboards.context(actor, q, lang));
  }

  @Get(':chart/export.xlsx')
  @RequirePermission(PERMISSIONS.REPORTS_READ)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'The chart as an Excel workbook (its tables, then a sheet with the filters)' })
  async export(
    @CurrentActor() actor: Actor,
    @Param() p: ChartParam,
    @Query() q: DashboardQuery,
    @AcceptLanguage() lang?: string,
  ): Promise<StreamableFile> {
    const file = await this.exports.workbook(actor, p.chart, q, lang);
    return new StreamableFile(file.content, {
      type: XLSX_TYPE,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
