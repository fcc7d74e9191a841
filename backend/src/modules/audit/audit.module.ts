import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Global, Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Deadlines, QUEUES } from '../../platform/queue';
import { AuditController, PublicAuditController } from './http/audit.controller';
import { AuditCheckpointJob } from './jobs/audit-checkpoint.job';
import { AuditDeskProvider } from './services/audit-desk.provider';
import { AuditService } from './services/audit.service';
import { AuditCheckpoints } from './services/checkpoint.service';

/** Global: every context writes its audit events through {@link AuditService}. */
@Global()
@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.AUDIT })],
  controllers: [AuditController, PublicAuditController],
  providers: [AuditService, AuditCheckpoints, AuditCheckpointJob, AuditDeskProvider],
  exports: [AuditService, AuditCheckpoints, AuditCheckpointJob],
})
export class AuditModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly checkpointJob: AuditCheckpointJob,
    @InjectQueue(QUEUES.AUDIT) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    this.deadlines.registerSource(this.checkpointJob.source());
  }
}
