import { Global, Module } from '@nestjs/common';

import { AuditController } from './http/audit.controller';
import { AuditDeskProvider } from './services/audit-desk.provider';
import { AuditService } from './services/audit.service';

/** Global: every context writes its audit events through {@link AuditService}. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditDeskProvider],
  exports: [AuditService],
})
export class AuditModule {}
