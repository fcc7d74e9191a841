import { AuditChainHeadEntity, AuditEventEntity } from './entities/audit-event.entity';

export { AuditModule } from './audit.module';
export { AuditService } from './services/audit.service';
export type { AuditInput } from './services/audit.service';
export { AuditDeskProvider } from './services/audit-desk.provider';

/** For the composition root's entity list only. */
export const AUDIT_ENTITIES = [AuditEventEntity, AuditChainHeadEntity];
