import { CONTRACTS_ENTITY_LIST } from './entities/contracts.entities';
import { CONTRACT_SIGNATORY_ENTITIES } from './entities/signatories.entities';

export { ContractsModule } from './contracts.module';
export { ContractsWorkerModule } from './contracts-worker.module';
/** For the composition root's entity list only. */
export const CONTRACTS_ENTITIES = [...CONTRACTS_ENTITY_LIST, ...CONTRACT_SIGNATORY_ENTITIES];
export { ContractHooks } from './services/contract-hooks';
export type { ContractEvent, MilestoneEvent, TerminationEvent } from './services/contract-hooks';
export { ContractJobs } from './services/contract-jobs';
export type { ContractJobHandler } from './services/contract-jobs';
export { ContractsService } from './services/contracts.service';
