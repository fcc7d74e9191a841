import { Module } from '@nestjs/common';

import { IdentityModule } from '../identity';
import { RegionsModule } from '../regions';
import { DashboardsController } from './http/dashboards.controller';
import { DashboardExportService } from './services/dashboard-export.service';
import { DashboardsService } from './services/dashboards.service';

/**
 * Reporting (数据看板, PRODUCT.md §5.14): read models over the other contexts' tables, by SQL only (it owns no table
 * and writes nothing). API process only.
 */
@Module({
  imports: [RegionsModule, IdentityModule],
  controllers: [DashboardsController],
  providers: [DashboardsService, DashboardExportService],
  exports: [DashboardsService],
})
export class ReportingModule {}
