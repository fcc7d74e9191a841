/**
 * The one permission list, shared by the backend (guards) and the frontend (menus, route guards).
 * This file must stay free of imports so that both builds can include it as is
 * (the frontend reaches it through the `@diandan/access` path alias).
 */

export const ROLES = [
  'RESIDENT',
  'COMMUNITY_WORKER',
  'PROCUREMENT_OFFICER',
  'FINANCE_OFFICER',
  'ORG_MEMBER',
  'EXPERT',
  'EVALUATOR',
  'AUDITOR',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Read one's own profile (`GET /api/v1/me`). Every role has it. */
  SELF_READ: 'self.read',
  USERS_READ: 'users.read',
  USERS_MANAGE: 'users.manage',
  REGIONS_READ: 'regions.read',
  REGIONS_MANAGE: 'regions.manage',
  CALENDAR_READ: 'calendar.read',
  CALENDAR_MANAGE: 'calendar.manage',
  ORGANISATIONS_READ: 'organisations.read',
  /** Review registrations, suspend, blacklist (procurement officers, in their region subtree). */
  ORGANISATIONS_REVIEW: 'organisations.review',
  /** An organisation member maintains their own organisation's profile, documents and members. */
  ORGANISATIONS_SELF: 'organisations.self',
  AUDIT_READ: 'audit.read',
  AUDIT_VERIFY: 'audit.verify',
  QUEUES_READ: 'queues.read',
  INBOX_READ: 'inbox.read',
  RESIDENTS_VERIFY: 'residents.verify',
  CATALOGUE_READ: 'catalogue.read',
  CATALOGUE_MANAGE: 'catalogue.manage',
  CAMPAIGNS_READ: 'campaigns.read',
  CAMPAIGNS_MANAGE: 'campaigns.manage',
  NEEDS_READ: 'needs.read',
  NEEDS_SUBMIT: 'needs.submit',
  NEEDS_SUPPORT: 'needs.support',
  NEEDS_MODERATE: 'needs.moderate',
  NEEDS_DELIBERATE: 'needs.deliberate',
  NEEDS_EXPORT: 'needs.export',
  FUNDS_READ: 'funds.read',
  FUNDS_MANAGE: 'funds.manage',
  FUNDS_APPROVE: 'funds.approve',
  FUNDS_AUDIT: 'funds.audit',
  QUEUES_MANAGE: 'queues.manage',
  /** E-mail and SMS deliveries: list the failed ones of users in one's subtree and retry them (administrators). */
  DELIVERIES_MANAGE: 'deliveries.manage',
  PROJECTS_READ: 'projects.read',
  PROJECTS_MANAGE: 'projects.manage',
  /** Approve a submitted project (reserves its budget): finance, never the officer who drafted it. */
  PROJECTS_APPROVE: 'projects.approve',
  TENDERS_READ: 'tenders.read',
  TENDERS_MANAGE: 'tenders.manage',
  /** Register interest, ask questions, submit/replace/withdraw one's own organisation's bids. */
  BIDS_SUBMIT: 'bids.submit',
  OBJECTIONS_FILE: 'objections.file',
  /** Score the bids of the tenders one has been drawn for. */
  SCORES_SUBMIT: 'scores.submit',
  /** Read contracts, milestones, reports and payments: staff in their region subtree, a supplier its own. */
  CONTRACTS_READ: 'contracts.read',
  /** The purchaser's side: edit a draft, sign, accept/return reports, approve payment requests, change orders, terminate. */
  CONTRACTS_MANAGE: 'contracts.manage',
  /** The supplier's side (a member of the winning organisation): sign, report progress, request payment. */
  CONTRACTS_SELF: 'contracts.self',
  /** Finance: pay approved payment requests, approve change orders, refund deposits, release bonds. */
  PAYMENTS_PAY: 'payments.pay',
  /** Read evaluation tasks and results: staff in their region subtree, an agency its own tasks, an organisation its published/confirmed results. */
  EVALUATION_READ: 'evaluation.read',
  /** Indicator templates: create versions, edit drafts, activate, retire (procurement officers). */
  EVALUATION_TEMPLATES_MANAGE: 'evaluation.templates.manage',
  /** The purchaser's side: tasks, sampling batches, assignment, confirm/return, objections, publication, grade assessments. */
  EVALUATION_MANAGE: 'evaluation.manage',
  /** An evaluator of an agency: score the tasks assigned to them, with evidence, and submit. */
  EVALUATION_SCORE: 'evaluation.score',
  /** A member of the evaluated organisation: object to a confirmed result within the window. */
  EVALUATION_OBJECT: 'evaluation.object',
  /** A verified resident answers the satisfaction survey of a project they ordered or benefited from. */
  SURVEYS_ANSWER: 'surveys.answer',
  /** A community worker shares the survey (link, QR code) and takes answers for residents without phones. */
  SURVEYS_PROXY: 'surveys.proxy',
  /**
   * 数据看板: read the reporting dashboards (aggregates of the caller's region subtree, and their Excel exports).
   * Procurement and finance officers, auditors and administrators (bureau leadership reads the year through them).
   */
  REPORTS_READ: 'reports.read',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);

const P = PERMISSIONS;
const EVERYONE: Permission[] = [P.SELF_READ, P.INBOX_READ, P.CATALOGUE_READ];
const STAFF_READ: Permission[] = [...EVERYONE, P.REGIONS_READ, P.CALENDAR_READ, P.ORGANISATIONS_READ];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  RESIDENT: [...EVERYONE, P.CAMPAIGNS_READ, P.NEEDS_READ, P.NEEDS_SUBMIT, P.NEEDS_SUPPORT, P.SURVEYS_ANSWER],
  COMMUNITY_WORKER: [
    ...STAFF_READ,
    P.RESIDENTS_VERIFY,
    P.CAMPAIGNS_READ,
    P.CAMPAIGNS_MANAGE,
    P.NEEDS_READ,
    P.NEEDS_SUBMIT,
    P.NEEDS_MODERATE,
    P.NEEDS_DELIBERATE,
    P.SURVEYS_PROXY,
  ],
  PROCUREMENT_OFFICER: [
    ...STAFF_READ,
    P.USERS_READ,
    P.CATALOGUE_MANAGE,
    P.CAMPAIGNS_READ,
    P.NEEDS_READ,
    P.NEEDS_EXPORT,
    P.FUNDS_READ,
    P.FUNDS_MANAGE,
    P.ORGANISATIONS_REVIEW,
    P.PROJECTS_READ,
    P.PROJECTS_MANAGE,
    P.TENDERS_READ,
    P.TENDERS_MANAGE,
    // sitting on a committee as the purchaser's representative (采购人代表)
    P.SCORES_SUBMIT,
    P.CONTRACTS_READ,
    P.CONTRACTS_MANAGE,
    P.EVALUATION_READ,
    P.EVALUATION_TEMPLATES_MANAGE,
    P.EVALUATION_MANAGE,
    P.REPORTS_READ,
  ],
  FINANCE_OFFICER: [
    ...STAFF_READ,
    P.FUNDS_READ,
    P.FUNDS_APPROVE,
    P.FUNDS_AUDIT,
    P.PROJECTS_READ,
    P.PROJECTS_APPROVE,
    P.CONTRACTS_READ,
    P.PAYMENTS_PAY,
    P.EVALUATION_READ,
    P.REPORTS_READ,
  ],
  ORG_MEMBER: [
    ...EVERYONE,
    P.CALENDAR_READ,
    P.ORGANISATIONS_SELF,
    P.TENDERS_READ,
    P.BIDS_SUBMIT,
    P.OBJECTIONS_FILE,
    P.CONTRACTS_READ,
    P.CONTRACTS_SELF,
    P.EVALUATION_READ,
    P.EVALUATION_OBJECT,
  ],
  EXPERT: [...EVERYONE, P.CALENDAR_READ, P.TENDERS_READ, P.SCORES_SUBMIT],
  EVALUATOR: [...EVERYONE, P.CALENDAR_READ, P.ORGANISATIONS_SELF, P.EVALUATION_READ, P.EVALUATION_SCORE],
  AUDITOR: [
    ...STAFF_READ,
    P.USERS_READ,
    P.AUDIT_READ,
    P.AUDIT_VERIFY,
    P.CAMPAIGNS_READ,
    P.NEEDS_READ,
    P.NEEDS_EXPORT,
    P.FUNDS_READ,
    P.FUNDS_AUDIT,
    P.PROJECTS_READ,
    P.TENDERS_READ,
    P.CONTRACTS_READ,
    P.EVALUATION_READ,
    P.REPORTS_READ,
  ],
  ADMIN: [
    ...STAFF_READ,
    P.USERS_READ,
    P.USERS_MANAGE,
    P.REGIONS_MANAGE,
    P.CALENDAR_MANAGE,
    P.QUEUES_READ,
    P.QUEUES_MANAGE,
    P.REPORTS_READ,
    P.DELIVERIES_MANAGE,
  ],
};

/** Roles that belong to a social organisation or an evaluation agency rather than a region office. */
export const ORGANISATION_ROLES: readonly Role[] = ['ORG_MEMBER', 'EVALUATOR'];

export function permissionsOf(roles: readonly string[]): Permission[] {
  const out = new Set<Permission>();
  for (const role of roles) {
    for (const p of ROLE_PERMISSIONS[role as Role] ?? []) out.add(p);
  }
  return [...out].sort();
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => (ROLE_PERMISSIONS[r as Role] ?? []).includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
