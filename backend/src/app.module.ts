import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';

import { AppConfigModule } from './config/config.module';
import { AuditModule } from './modules/audit';
import { CatalogueModule } from './modules/catalogue';
import { ContractsModule } from './modules/contracts';
import { DeskModule } from './modules/desk';
import { EvaluationModule } from './modules/evaluation';
import { FundsModule } from './modules/funds';
import { IdentityModule } from './modules/identity';
import { NeedsModule } from './modules/needs';
import { NotificationsModule } from './modules/notifications';
import { OrganisationsModule } from './modules/organisations';
import { ProcurementModule } from './modules/procurement';
import { RegionsModule } from './modules/regions';
import { ReportingModule } from './modules/reporting';
import { AccessGuard, AccessModule } from './platform/access';
import { DatabaseModule } from './platform/database/database.module';
import { DeskPlatformModule } from './platform/desk';
import { HealthController } from './platform/health/health.controller';
import { ProblemDetailsFilter } from './platform/http/problem-details.filter';
import { LoggingModule } from './platform/logging/logging.module';
import { QueueModule, QUEUES } from './platform/queue';

/** The modules both processes share: configuration, persistence, queues and every context. */
export const CORE_IMPORTS = [
  AppConfigModule,
  LoggingModule,
  DatabaseModule,
  QueueModule,
  DeskPlatformModule,
  AuditModule,
  RegionsModule,
  OrganisationsModule,
  IdentityModule,
  CatalogueModule,
  NotificationsModule,
  NeedsModule,
  FundsModule,
  ProcurementModule,
  ContractsModule,
  EvaluationModule,
];

/** The HTTP process. */
@Module({
  imports: [
    ...CORE_IMPORTS,
    AccessModule,
    DeskModule,
    ReportingModule,
    BullModule.registerQueue({ name: QUEUES.IDENTITY }),
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class AppModule {}
