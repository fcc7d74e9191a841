import { Module } from '@nestjs/common';

import { CORE_IMPORTS } from './app.module';
import { AuditWorkerModule } from './modules/audit';
import { ContractsWorkerModule } from './modules/contracts';
import { EvaluationWorkerModule } from './modules/evaluation';
import { IdentityWorkerModule } from './modules/identity';
import { NeedsWorkerModule } from './modules/needs';
import { NotificationsWorkerModule } from './modules/notifications';
import { OrganisationsWorkerModule } from './modules/organisations';
import { ProcurementWorkerModule } from './modules/procurement';
import { ReconcilerRunner } from './platform/queue';

/** The worker process: the same modules, plus the BullMQ consumers and the reconciler; no HTTP. */
@Module({
  imports: [
    ...CORE_IMPORTS,
    AuditWorkerModule,
    IdentityWorkerModule,
    NeedsWorkerModule,
    OrganisationsWorkerModule,
    ProcurementWorkerModule,
    ContractsWorkerModule,
    EvaluationWorkerModule,
    NotificationsWorkerModule,
  ],
  providers: [ReconcilerRunner],
})
export class WorkerModule {}
