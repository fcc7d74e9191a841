import { CUSTODY_ENTITY_LIST } from './entities/custody.entities';
import { FUNDS_ENTITY_LIST } from './entities/funds.entities';

export { FundsModule } from './funds.module';
/** The service API for projects (reserve), contracts (commit) and payments (disburse). */
export { LedgerService } from './services/ledger.service';
export type { PostEntry, PostedEntry } from './services/ledger.service';
export { FundsReportService, ledgerConsistency } from './services/funds-report.service';
export type { Balances } from './domain/ledger';
export { budgetYearEnd } from './domain/budget-year';
export { FundsDeskProvider } from './services/funds-desk.provider';
/** For the composition root's entity list only. */
export const FUNDS_ENTITIES = [...FUNDS_ENTITY_LIST, ...CUSTODY_ENTITY_LIST];
/** Money held for others (bid deposits, performance bonds): the custody ledger and its rules. */
export { CustodyService } from './services/custody.service';
export { CUSTODY_REFUND_DUE_JOB } from './services/custody.service';
export { CustodyJobs } from './jobs/custody.jobs';
export {
  BID_DEPOSIT_CAP_BP,
  PERFORMANCE_BOND_CAP_BP,
  withinCap,
  returnDueAt,
  daysLate,
  lateReturnInterestFen,
  replayCustody,
} from './domain/custody';
export type { CustodyKind, CustodyStatus } from './domain/custody';
