import { PROCUREMENT_ENTITY_LIST } from './entities/procurement.entities';

export { ProcurementModule } from './procurement.module';
export { ProcurementWorkerModule } from './procurement-worker.module';
export { TendersService } from './services/tenders.service';
export { BidsService } from './services/bids.service';
export { ProjectsService } from './services/projects.service';
export { AwardHooks } from './services/award-hooks';
export type { AwardedEvent, AwardListener } from './services/award-hooks';
export { ProcurementDeskProvider } from './services/procurement-desk.provider';
export { TENDER_DEADLINE_JOB, OBJECTION_WINDOW_JOB, AWARD_REMINDER_JOB } from './services/procurement-deadlines';
/** For the composition root's entity list only. */
export const PROCUREMENT_ENTITIES = PROCUREMENT_ENTITY_LIST;
/** The one transition-table checker, shared by the contexts that keep their machines the same way (contracts). */
export { checkTransition } from './domain/state-machines';
export type { MachineActor, Transition } from './domain/state-machines';
/** The conflict-of-interest rule of committees, reused for evaluation assignments (same data shape, same years). */
export { conflictOf, CONFLICT_LOOKBACK_YEARS } from './domain/committee';
export type { Affiliation } from './domain/committee';
/** The legal periods of a tender, for the public portal's "the rule that produced each date". */
export {
  AMENDMENT_MIN_DAYS,
  AWARD_CONFIRM_WORKING_DAYS,
  earliestDeadlineDate,
  MINIMUM_PERIODS,
  OBJECTION_WORKING_DAYS,
} from './domain/tender-periods';
export type { TenderMethod } from './domain/state-machines';
