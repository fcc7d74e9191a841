import type {
  AdjustmentStatus,
  BudgetLineStatus,
  CampaignStatus,
  CatalogueVersionStatus,
  NeedStatus,
  OrganisationStatus,
} from '../api';

/** Which life cycle a status belongs to; each has its own labels (`needStatus.` …) and colours. */
export type StatusKind = 'need' | 'campaign' | 'catalogue' | 'budgetLine' | 'adjustment' | 'organisation';

const NEED_COLORS: Readonly<Record<NeedStatus, string>> = {
  SUBMITTED: 'orange',
  ACCEPTED: 'blue',
  REJECTED: 'red',
  MERGED: 'default',
  SHORTLISTED: 'cyan',
  APPROVED: 'green',
  DECLINED: 'volcano',
  IN_PROCUREMENT: 'purple',
  IN_SERVICE: 'geekblue',
  DELIVERED: 'lime',
  EVALUATED: 'gold',
  CLOSED: 'default',
};

const CAMPAIGN_COLORS: Readonly<Record<CampaignStatus, string>> = {
  DRAFT: 'default',
  OPEN: 'green',
  CLOSED: 'orange',
  DECIDED: 'blue',
};

const CATALOGUE_COLORS: Readonly<Record<CatalogueVersionStatus, string>> = {
  DRAFT: 'orange',
  PUBLISHED: 'green',
  SUPERSEDED: 'default',
};

const BUDGET_LINE_COLORS: Readonly<Record<BudgetLineStatus, string>> = {
  PENDING_APPROVAL: 'orange',
  ACTIVE: 'green',
  REJECTED: 'red',
};

const ADJUSTMENT_COLORS: Readonly<Record<AdjustmentStatus, string>> = {
  PENDING: 'orange',
  APPROVED: 'green',
  REJECTED: 'red',
};

const ORGANISATION_COLORS: Readonly<Record<OrganisationStatus, string>> = {
  PENDING_REVIEW: 'orange',
  RETURNED: 'volcano',
  ACTIVE: 'green',
  SUSPENDED: 'gold',
  BLACKLISTED: 'red',
};

const COLORS: Readonly<Record<StatusKind, Readonly<Record<string, string>>>> = {
  need: NEED_COLORS,
  campaign: CAMPAIGN_COLORS,
  catalogue: CATALOGUE_COLORS,
  budgetLine: BUDGET_LINE_COLORS,
  adjustment: ADJUSTMENT_COLORS,
  organisation: ORGANISATION_COLORS,
};

const PREFIXES: Readonly<Record<StatusKind, string>> = {
  need: 'needStatus.',
  campaign: 'campaignStatus.',
  catalogue: 'catalogueStatus.',
  budgetLine: 'budgetLineStatus.',
  adjustment: 'adjustmentStatus.',
  organisation: 'organisationStatus.',
};

/** The dictionary prefix of a kind's status labels (`needStatus.ACCEPTED` → 已受理). */
export function statusPrefix(kind: StatusKind): string {
  return PREFIXES[kind];
}

/** The nz-tag colour of a status; `default` for one the app does not know yet. */
export function statusColor(kind: StatusKind, status: string | null | undefined): string {
  if (!status) return 'default';
  const colors = COLORS[kind];
  return Object.prototype.hasOwnProperty.call(colors, status) ? colors[status] : 'default';
}
