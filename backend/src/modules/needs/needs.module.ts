import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Deadlines, QUEUES } from '../../platform/queue';
import { CatalogueModule } from '../catalogue';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { RegionsModule } from '../regions';
import { CampaignsController } from './http/campaigns.controller';
import { MyNeedsController } from './http/my.controller';
import { NeedsController } from './http/needs.controller';
import { CampaignsService } from './services/campaigns.service';
import { DeliberationService } from './services/deliberation.service';
import { NeedLifecycle } from './services/need-lifecycle.service';
import { NeedProgress } from './services/need-progress.service';
import { NeedsDeskProvider } from './services/needs-desk.provider';
import { NeedsExportService } from './services/needs-export.service';
import { NeedsService } from './services/needs.service';
import { SupportsService } from './services/supports.service';

@Module({
  imports: [
    RegionsModule,
    CatalogueModule,
    IdentityModule,
    NotificationsModule,
    BullModule.registerQueue({ name: QUEUES.NEEDS }),
  ],
  controllers: [CampaignsController, NeedsController, MyNeedsController],
  providers: [
    CampaignsService,
    NeedsService,
    SupportsService,
    DeliberationService,
    NeedLifecycle,
    NeedProgress,
    NeedsExportService,
    NeedsDeskProvider,
  ],
  exports: [CampaignsService, NeedsService, NeedProgress],
})
export class NeedsModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly campaigns: CampaignsService,
    @InjectQueue(QUEUES.NEEDS) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    for (const source of this.campaigns.sources()) this.deadlines.registerSource(source);
  }
}
