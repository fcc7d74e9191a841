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
import { FundsAddAdjustmentDecisionNote1764000509000 } from './1764000509000-funds-add-adjustment-decision-note';

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
  FundsAddAdjustmentDecisionNote1764000509000,
];
