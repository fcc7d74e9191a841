import { CHANGE_ORDER_ENTITY_LIST } from './entities/change-orders.entities';
import { CONTRACTS_ENTITY_LIST } from './entities/contracts.entities';
import { PAYMENTS_ENTITY_LIST } from './entities/payments.entities';
import { REPORTS_ENTITY_LIST } from './entities/reports.entities';
import { CONTRACT_SIGNATORY_ENTITIES } from './entities/signatories.entities';

export { ContractsModule } from './contracts.module';
export { ContractsWorkerModule } from './contracts-worker.module';
/** For the composition root's entity list only. */
export const CONTRACTS_ENTITIES = [
  ...CONTRACTS_ENTITY_LIST,
  ...CONTRACT_SIGNATORY_ENTITIES,
  ...CHANGE_ORDER_ENTITY_LIST,
  ...REPORTS_ENTITY_LIST,
  ...PAYMENTS_ENTITY_LIST,
];
export { ContractHooks } from './services/contract-hooks';
export type { ContractEvent, MilestoneEvent, TerminationEvent } from './services/contract-hooks';
export { ContractJobs } from './services/contract-jobs';
export type { ContractJobHandler } from './services/contract-jobs';
export { ContractsService } from './services/contracts.service';
export { TerminationService } from './services/termination.service';
export type { HeldBackForTermination } from './services/termination.service';
export { PaymentsService, PAYMENT_DUE_JOB } from './services/payments.service';
export { FinalPaymentService } from './services/final-payment.service';
export type { FinalPaymentResult } from './services/final-payment.service';
export { PaymentJobs } from './jobs/payment-jobs';
export { finalTranche } from './domain/money-rules';
export type { FinalTrancheOutcome } from './domain/money-rules';
// for the evaluation (issue #11): evidence files typed by content and thumbnailed as milestones' are, and the project
// plan's output indicators as the milestones read them
export { makeThumbnail, sniffEvidence, THUMBNAIL_MAX_SIDE } from './domain/evidence-files';
export type { Thumbnail } from './domain/evidence-files';
export { isHourUnit, MAX_EVIDENCE_BYTES, planIndicators } from './domain/milestone-rules';
export type { EvidenceMime, PlanIndicator } from './domain/milestone-rules';
// the contract's legal time limits, for the public portal's chain of dates
export { PUBLICATION_WORKING_DAYS, SIGNATURE_DAYS } from './domain/contract-draft';
