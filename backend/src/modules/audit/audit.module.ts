import { Global, Module } from '@nestjs/common';

import { AuditController } from './http/audit.controller';
import { AuditService } from './services/audit.service';

/** Global: every context writes its audit events through {@link AuditService}. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
