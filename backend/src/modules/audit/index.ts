import { AuditCheckpointEntity, AuditVerificationEntity } from './entities/audit-checkpoint.entity';
import { AuditChainHeadEntity, AuditEventEntity } from './entities/audit-event.entity';

export { AuditModule } from './audit.module';
export { AuditWorkerModule } from './audit-worker.module';
/** `record`/`recordMany` inside a use case's transaction; `chainState()` for the auditor's desk. */
export { AuditService } from './services/audit.service';
export type { AuditInput } from './services/audit.service';
export { AuditDeskProvider } from './services/audit-desk.provider';
export type { AuditChainStateDto } from './dto/audit-event.dto';
export { AuditCheckpoints } from './services/checkpoint.service';

/** For the composition root's entity list only. */
export const AUDIT_ENTITIES = [AuditEventEntity, AuditChainHeadEntity, AuditCheckpointEntity, AuditVerificationEntity];
