import { Permission, PERMISSIONS } from '../../../platform/access/permissions';

/**
 * Organisation states (PRODUCT.md §3): PENDING_REVIEW → ACTIVE | RETURNED (→ PENDING_REVIEW on
 * resubmission); ACTIVE → SUSPENDED → ACTIVE; ACTIVE | SUSPENDED → BLACKLISTED (until a date) →
 * ACTIVE, by the expiry job only, never early.
 */
export const ORGANISATION_STATUSES = ['PENDING_REVIEW', 'RETURNED', 'ACTIVE', 'SUSPENDED', 'BLACKLISTED'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

export const ORGANISATION_ACTIONS = [
  'APPROVE',
  'RETURN',
  'RESUBMIT',
  'SUSPEND',
  'REINSTATE',
  'BLACKLIST',
  'BLACKLIST_EXPIRE',
] as const;
export type OrganisationAction = (typeof ORGANISATION_ACTIONS)[number];

export interface OrganisationTransition {
  action: OrganisationAction;
  from: readonly OrganisationStatus[];
  to: OrganisationStatus;
  /** Who may take it: holders of a permission (officers in their region subtree, members of the organisation), or the system (a job). */
  by: Permission | 'SYSTEM';
  /** Whether the transition carries a reason (shown to the organisation and kept in the audit event). */
  reason: 'REQUIRED' | 'OPTIONAL' | 'NONE';
  /** A further condition, checked by a pure function of its own. */
  guard?: string;
}

export const ORGANISATION_TRANSITIONS: readonly OrganisationTransition[] = [
  {
    action: 'APPROVE',
    from: ['PENDING_REVIEW'],
    to: 'ACTIVE',
    by: PERMISSIONS.ORGANISATIONS_REVIEW,
    reason: 'OPTIONAL',
  },
  {
    action: 'RETURN',
    from: ['PENDING_REVIEW'],
    to: 'RETURNED',
    by: PERMISSIONS.ORGANISATIONS_REVIEW,
    reason: 'REQUIRED',
  },
  { action: 'RESUBMIT', from: ['RETURNED'], to: 'PENDING_REVIEW', by: PERMISSIONS.ORGANISATIONS_SELF, reason: 'NONE' },
  { action: 'SUSPEND', from: ['ACTIVE'], to: 'SUSPENDED', by: PERMISSIONS.ORGANISATIONS_REVIEW, reason: 'REQUIRED' },
  { action: 'REINSTATE', from: ['SUSPENDED'], to: 'ACTIVE', by: PERMISSIONS.ORGANISATIONS_REVIEW, reason: 'OPTIONAL' },
  {
    action: 'BLACKLIST',
    from: ['ACTIVE', 'SUSPENDED'],
    to: 'BLACKLISTED',
    by: PERMISSIONS.ORGANISATIONS_REVIEW,
    reason: 'REQUIRED',
    guard: 'until: 1 to 3 years from today (blacklist-period.ts)',
  },
  {
    action: 'BLACKLIST_EXPIRE',
    from: ['BLACKLISTED'],
    to: 'ACTIVE',
    by: 'SYSTEM',
    reason: 'NONE',
    guard: 'blacklisted_until has passed by the database clock (job organisation-blacklist-expiry)',
  },
];

/** The transition `action` takes from `from`, or null when it is illegal (409 ORGANISATION_ILLEGAL_TRANSITION). */
export function transitionFor(action: OrganisationAction, from: OrganisationStatus): OrganisationTransition | null {
  return ORGANISATION_TRANSITIONS.find((t) => t.action === action && t.from.includes(from)) ?? null;
}

/** What a holder of `permission` may do with an organisation in `status` (for the UI's buttons). */
export function availableActions(status: OrganisationStatus, permission: Permission): OrganisationAction[] {
  return ORGANISATION_TRANSITIONS.filter((t) => t.by === permission && t.from.includes(status)).map((t) => t.action);
}

/** The organisation takes part in procurement (bids, contracts) only while ACTIVE. */
export function isOperational(status: OrganisationStatus): boolean {
  return status === 'ACTIVE';
}
