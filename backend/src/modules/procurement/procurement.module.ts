import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Deadlines, QUEUES } from '../../platform/queue';
import { CatalogueModule } from '../catalogue';
import { FundsModule } from '../funds';
import { IdentityModule } from '../identity';
import { NeedsModule } from '../needs';
import { NotificationsModule } from '../notifications';
import { OrganisationsModule } from '../organisations';
import { RegionsModule } from '../regions';
import { ExpertsController } from './http/experts.controller';
import { ObjectionsController } from './http/objections.controller';
import { ProjectsController } from './http/projects.controller';
import { MyBidsController, PublicTendersController, TendersController } from './http/tenders.controller';
import { AwardHooks } from './services/award-hooks';
import { BidsService } from './services/bids.service';
import { EvaluationService } from './services/evaluation.service';
import { ExpertsService } from './services/experts.service';
import { ObjectionsService } from './services/objections.service';
import { ProcurementDeskProvider } from './services/procurement-desk.provider';
import { ProjectsService } from './services/projects.service';
import { TendersService } from './services/tenders.service';

@Module({
  imports: [
    RegionsModule,
    CatalogueModule,
    IdentityModule,
    NotificationsModule,
    OrganisationsModule,
    NeedsModule,
    FundsModule,
    BullModule.registerQueue({ name: QUEUES.PROCUREMENT }),
  ],
  controllers: [
    ProjectsController,
    TendersController,
    MyBidsController,
    PublicTendersController,
    ObjectionsController,
    ExpertsController,
  ],
  providers: [
    ProjectsService,
    TendersService,
    BidsService,
    EvaluationService,
    ObjectionsService,
    ExpertsService,
    ProcurementDeskProvider,
    AwardHooks,
  ],
  exports: [ProjectsService, TendersService, ObjectionsService, BidsService, AwardHooks],
})
export class ProcurementModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly tenders: TendersService,
    private readonly objections: ObjectionsService,
    @InjectQueue(QUEUES.PROCUREMENT) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    for (const source of [...this.tenders.sources(), ...this.objections.sources()])
      this.deadlines.registerSource(source);
  }
}
