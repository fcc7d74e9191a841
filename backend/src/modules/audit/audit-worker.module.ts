import { Module } from '@nestjs/common';

import { AuditModule } from './audit.module';
import { AuditProcessor } from './jobs/audit.processor';

/** Worker process only: consumes the audit queue (the checkpoint job). */
@Module({
  imports: [AuditModule],
  providers: [AuditProcessor],
})
export class AuditWorkerModule {}
