import { Module } from '@nestjs/common';

import { RegionsModule } from '../regions';
import { PortalController } from './http/portal.controller';
import { PortalCache } from './services/portal-cache';
import { PortalFiguresService } from './services/portal-figures.service';
import { PortalProjectsService } from './services/portal-projects.service';
import { PortalRecordsService } from './services/portal-records.service';

/**
 * 公开门户 (API process only): read models over the other contexts' tables by SQL — it owns no table and writes
 * nothing. See docs/domain/portal.md for what is published where.
 */
@Module({
  imports: [RegionsModule],
  controllers: [PortalController],
  providers: [PortalCache, PortalFiguresService, PortalProjectsService, PortalRecordsService],
  exports: [PortalCache],
})
export class PortalModule {}
