/**
 * Every migration, in order. Listed explicitly (no glob) so bundlers keep them; never edit a
 * migration after it has been merged — add a new one.
 */
import { RegionsCreateRegionsAndCalendar1764000000000 } from './1764000000000-regions-create-regions-and-calendar';
import { OrganisationsCreateOrganisations1764000001000 } from './1764000001000-organisations-create-organisations';
import { IdentityCreateUsersAndSessions1764000002000 } from './1764000002000-identity-create-users-and-sessions';
import { AuditCreateAuditEvents1764000003000 } from './1764000003000-audit-create-audit-events';
import { PlatformCreateIdempotencyKeys1764000004000 } from './1764000004000-platform-create-idempotency-keys';
import { IdentityAddResidentVerification1764000100000 } from './1764000100000-identity-add-resident-verification';
import { CatalogueCreateCatalogue1764000101000 } from './1764000101000-catalogue-create-catalogue';
import { NeedsCreateCampaignsNeedsSupports1764000102000 } from './1764000102000-needs-create-campaigns-needs-supports';
import { NotificationsCreateInbox1764000103000 } from './1764000103000-notifications-create-inbox';
import { FundsCreateBudgetLinesAndLedger1764000200000 } from './1764000200000-funds-create-budget-lines-and-ledger';
import { FundsBalancesFollowTheLedger1764000300000 } from './1764000300000-funds-balances-follow-the-ledger';
import { AuditHeadFollowsTheChain1764000300100 } from './1764000300100-audit-head-follows-the-chain';
import { NeedsCoveringListIndexes1764000300200 } from './1764000300200-needs-covering-list-indexes';
import { OrganisationsRegistry1764000400000 } from './1764000400000-organisations-registry';
import { ProcurementCreateProjectsTendersBids1764000401000 } from './1764000401000-procurement-create-projects-tenders-bids';
import { AuditCreateCheckpoints1764000509000 } from './1764000509000-audit-create-checkpoints';
import { IdentityAddUserLocale1764000509100 } from './1764000509100-identity-add-user-locale';
import { NotificationsStoreTemplates1764000509200 } from './1764000509200-notifications-store-templates';
import { NeedsTimelineTemplates1764000509300 } from './1764000509300-needs-timeline-templates';
import { OrganisationsRecordTemplates1764000509400 } from './1764000509400-organisations-record-templates';
import { FundsCloseYearsPerRegion1764000509500 } from './1764000509500-funds-close-years-per-region';
import { IdentityKeepAdminAndAuditorApart1764000510000 } from './1764000510000-identity-keep-admin-and-auditor-apart';
import { IdentityPasswordChanges1764000510100 } from './1764000510100-identity-password-changes';
import { IdentityPurgeIndexes1764000510200 } from './1764000510200-identity-purge-indexes';
import { OrganisationsGradeProposals1764000510300 } from './1764000510300-organisations-grade-proposals';
import { OrganisationsGradesAreDecisions1764000510400 } from './1764000510400-organisations-grades-are-decisions';
import { IdentityIndexUsersForTheDesk1764000517100 } from './1764000517100-identity-index-users-for-the-desk';
import { ProcurementIndexObjectionsByOrganisation1764000517200 } from './1764000517200-procurement-index-objections-by-organisation';
import { FundsAddAdjustmentDecisionNote1764000517300 } from './1764000517300-funds-add-adjustment-decision-note';
import { ContractsCreateContractsAndMilestones1764000600000 } from './1764000600000-contracts-create-contracts-and-milestones';
import { ContractsSignatories1764000601000 } from './1764000601000-contracts-signatories';
import { ContractsCreateReportsAndEvidence1764000602000 } from './1764000602000-contracts-create-reports-and-evidence';
import { ContractsPaymentRequests1764000603000 } from './1764000603000-contracts-payment-requests';
import { ContractsCustodyLedger1764000604000 } from './1764000604000-contracts-custody-ledger';
import { ContractsChangeOrders1764000605000 } from './1764000605000-contracts-change-orders';
import { FundsMultiYearLines1764000606000 } from './1764000606000-funds-multi-year-lines';
import { EvaluationCreateTemplatesAndTasks1764000700000 } from './1764000700000-evaluation-create-templates-and-tasks';
import { EvaluationCreateSamplingBatches1764000720000 } from './1764000720000-evaluation-create-sampling-batches';
import { EvaluationTaskReminders1764000721000 } from './1764000721000-evaluation-task-reminders';
import { EvaluationEvaluatorAffiliations1764000722000 } from './1764000722000-evaluation-evaluator-affiliations';
import { EvaluationCreateEvidence1764000730000 } from './1764000730000-evaluation-create-evidence';
import { EvaluationScoresKeepMeasureBasis1764000731000 } from './1764000731000-evaluation-scores-keep-measure-basis';
import { EvaluationCreateObjections1764000750000 } from './1764000750000-evaluation-create-objections';
import { OrganisationsEvaluationResultsAndBars1764000751000 } from './1764000751000-organisations-evaluation-results-and-bars';
import { EvaluationCreateGradeCutoffs1764000760000 } from './1764000760000-evaluation-create-grade-cutoffs';
import { EvaluationCreateGradeAssessments1764000761000 } from './1764000761000-evaluation-create-grade-assessments';
import { OrganisationsGradeExpiryStamp1764000762000 } from './1764000762000-organisations-grade-expiry-stamp';
import { OpenDataCreateReleases1764000800000 } from './1764000800000-open-data-create-releases';
import { ReportingIndexNeedsForTheFunnel1764000820000 } from './1764000820000-reporting-index-needs-for-the-funnel';
import { NotificationsCreateDeliveries1764000830000 } from './1764000830000-notifications-create-deliveries';

export const MIGRATIONS = [
  RegionsCreateRegionsAndCalendar1764000000000,
  OrganisationsCreateOrganisations1764000001000,
  IdentityCreateUsersAndSessions1764000002000,
  AuditCreateAuditEvents1764000003000,
  PlatformCreateIdempotencyKeys1764000004000,
  IdentityAddResidentVerification1764000100000,
  CatalogueCreateCatalogue1764000101000,
  NeedsCreateCampaignsNeedsSupports1764000102000,
  NotificationsCreateInbox1764000103000,
  FundsCreateBudgetLinesAndLedger1764000200000,
  FundsBalancesFollowTheLedger1764000300000,
  AuditHeadFollowsTheChain1764000300100,
  NeedsCoveringListIndexes1764000300200,
  OrganisationsRegistry1764000400000,
  ProcurementCreateProjectsTendersBids1764000401000,
  AuditCreateCheckpoints1764000509000,
  IdentityAddUserLocale1764000509100,
  NotificationsStoreTemplates1764000509200,
  NeedsTimelineTemplates1764000509300,
  OrganisationsRecordTemplates1764000509400,
  FundsCloseYearsPerRegion1764000509500,
  IdentityKeepAdminAndAuditorApart1764000510000,
  IdentityPasswordChanges1764000510100,
  IdentityPurgeIndexes1764000510200,
  OrganisationsGradeProposals1764000510300,
  OrganisationsGradesAreDecisions1764000510400,
  IdentityIndexUsersForTheDesk1764000517100,
  ProcurementIndexObjectionsByOrganisation1764000517200,
  FundsAddAdjustmentDecisionNote1764000517300,
  ContractsCreateContractsAndMilestones1764000600000,
  ContractsSignatories1764000601000,
  ContractsCreateReportsAndEvidence1764000602000,
  ContractsPaymentRequests1764000603000,
  ContractsCustodyLedger1764000604000,
  ContractsChangeOrders1764000605000,
  FundsMultiYearLines1764000606000,
  EvaluationCreateTemplatesAndTasks1764000700000,
  EvaluationCreateSamplingBatches1764000720000,
  EvaluationTaskReminders1764000721000,
  EvaluationEvaluatorAffiliations1764000722000,
  EvaluationCreateEvidence1764000730000,
  EvaluationScoresKeepMeasureBasis1764000731000,
  EvaluationCreateObjections1764000750000,
  OrganisationsEvaluationResultsAndBars1764000751000,
  EvaluationCreateGradeCutoffs1764000760000,
  EvaluationCreateGradeAssessments1764000761000,
  OrganisationsGradeExpiryStamp1764000762000,
  OpenDataCreateReleases1764000800000,
  ReportingIndexNeedsForTheFunnel1764000820000,
  NotificationsCreateDeliveries1764000830000,
];
