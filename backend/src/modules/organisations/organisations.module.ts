import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Deadlines, QUEUES } from '../../platform/queue';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { RegionsModule } from '../regions';
import { MyOrganisationController } from './http/my-organisation.controller';
import { OrganisationsController } from './http/organisations.controller';
import { RegistrationController } from './http/registration.controller';
import { BlacklistExpiryJob } from './jobs/blacklist-expiry.job';
import { GradeExpiryJob } from './jobs/grade-expiry.job';
import { OrganisationDirectoryModule } from './organisation-directory.module';
import { DocumentsService } from './services/documents.service';
import { OrganisationEvaluationRecords } from './services/evaluation-records.service';
import { GradeDecisions } from './services/grade-decisions.service';
import { GradeProposalsService } from './services/grade-proposals.service';
import { OrganisationLifecycle } from './services/organisation-lifecycle.service';
import { OrganisationsDeskProvider } from './services/organisations-desk.provider';
import { OrganisationsService } from './services/organisations.service';
import { RegistrationService } from './services/registration.service';
import { ReviewService } from './services/review.service';

@Module({
  imports: [
    OrganisationDirectoryModule,
    RegionsModule,
    IdentityModule,
    NotificationsModule,
    BullModule.registerQueue({ name: QUEUES.ORGANISATIONS }),
  ],
  controllers: [RegistrationController, OrganisationsController, MyOrganisationController],
  providers: [
    OrganisationsService,
    OrganisationLifecycle,
    RegistrationService,
    ReviewService,
    DocumentsService,
    GradeProposalsService,
    GradeDecisions,
    BlacklistExpiryJob,
    GradeExpiryJob,
    OrganisationsDeskProvider,
    OrganisationEvaluationRecords,
  ],
  exports: [OrganisationsService, BlacklistExpiryJob, OrganisationEvaluationRecords, GradeExpiryJob, GradeDecisions],
})
export class OrganisationsModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly blacklistExpiry: BlacklistExpiryJob,
    private readonly gradeExpiry: GradeExpiryJob,
    @InjectQueue(QUEUES.ORGANISATIONS) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    this.deadlines.registerSource(this.blacklistExpiry.source());
    this.deadlines.registerSource(this.gradeExpiry.source());
  }
}
