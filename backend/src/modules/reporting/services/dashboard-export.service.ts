import { Injectable } from '@nestjs/common';

import { Actor } from '../../../platform/access';
import { Chart, DashboardQuery } from '../dto/dashboards.dto';
import { ChartData, dashboardWorkbook, exportFileName } from './dashboard-export';
import { DashboardContext, DashboardsService } from './dashboards.service';

/** A chart's Excel export: the same use case as its JSON, written as a workbook. */
@Injectable()
export class DashboardExportService {
  constructor(private readonly dashboards: DashboardsService) {}

  async workbook(
    actor: Actor,
    chart: Chart,
    q: DashboardQuery,
    acceptLanguage?: string,
  ): Promise<{ content: Buffer; fileName: string }> {
    const c = await this.dashboards.context(actor, q, acceptLanguage);
    const data = await this.chartData(c, chart);
    return { content: await dashboardWorkbook(data, c.words, c.filters), fileName: exportFileName(chart, c.filters) };
  }

  private async chartData(c: DashboardContext, chart: Chart): Promise<ChartData> {
    switch (chart) {
      case 'needs-funnel':
        return { chart, data: await this.dashboards.needsFunnel(c) };
      case 'budget-execution':
        return { chart, data: await this.dashboards.budgetExecution(c) };
      case 'projects':
        return { chart, data: await this.dashboards.projects(c) };
      case 'milestones':
        return { chart, data: await this.dashboards.milestones(c) };
      case 'grades':
        return { chart, data: await this.dashboards.grades(c) };
      case 'satisfaction':
        return { chart, data: await this.dashboards.satisfaction(c) };
      case 'organisations':
        return { chart, data: await this.dashboards.organisations(c) };
    }
  }
}
