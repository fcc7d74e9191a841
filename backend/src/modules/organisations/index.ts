import { ORGANISATION_EVALUATION_ENTITY_LIST } from './entities/evaluation-results.entity';
import { ORGANISATIONS_ENTITY_LIST } from './entities/organisation.entity';

export { OrganisationsModule } from './organisations.module';
export { OrganisationsWorkerModule } from './organisations-worker.module';
export { OrganisationsService } from './services/organisations.service';
export type { OrganisationEligibility, OrganisationRecordInput } from './services/organisations.service';
export type { OrganisationDto, OrganisationDetailDto, RecordDto } from './dto/organisation.dto';
export type { OrganisationStatus } from './domain/organisation.state-machine';
export { ORGANISATION_STATUSES, isOperational } from './domain/organisation.state-machine';
export type { OrganisationKind, OrgType, RecordKind } from './domain/registry-rules';
export { RECORD_KINDS } from './domain/registry-rules';
export { effectiveGrade, gradeLabel, gradeValid } from './domain/grade';
export { isValidCreditCode } from './domain/credit-code';
export { OrganisationsDeskProvider } from './services/organisations-desk.provider';
export { GRADE_EXPIRY_NOTICE_DAYS, gradeRenewalDue } from './domain/grade-expiry';
export { BlacklistExpiryJob, BLACKLIST_EXPIRY_JOB, blacklistExpiryDeadline } from './jobs/blacklist-expiry.job';
export { OrganisationEvaluationRecords, EVALUATION_GRADE_LABELS } from './services/evaluation-records.service';
export type {
  EvaluationBarInput,
  EvaluationResultEntry,
  PastEvaluationGrade,
} from './services/evaluation-records.service';
export type { OrganisationBarFact } from './services/organisation-bars.query';
export { addMonths, barCovers } from './domain/evaluation-bars';
export { GradeExpiryJob, GRADE_EXPIRY_JOB, gradeExpiryDeadline } from './jobs/grade-expiry.job';
export { GradeDecisions } from './services/grade-decisions.service';
export type { AssessmentGradeDecision, DecisionDocument } from './services/grade-decisions.service';
/** For the composition root's entity list only. */
export const ORGANISATIONS_ENTITIES = [...ORGANISATIONS_ENTITY_LIST, ...ORGANISATION_EVALUATION_ENTITY_LIST];
