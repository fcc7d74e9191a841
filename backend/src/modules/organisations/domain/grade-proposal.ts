import { Permission, PERMISSIONS } from '../../../platform/access/permissions';
import { isCalendarDate } from './calendar-date';
import type { DocumentKind } from './registry-rules';

/**
 * A grade is decided, never declared (issue #9 A6; 社会组织评估管理办法: the grade is the evaluation
 * committee's conclusion, on a certificate). Members of the organisation PROPOSE a grade with the last day
 * of its validity and the certificate; a procurement officer of the organisation's region APPROVEs it
 * (the grade then counts, with the document) or REJECTs it with a reason; the members may WITHDRAW a
 * pending one. At most one proposal is pending per organisation.
 */
export const GRADE_PROPOSAL_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type GradeProposalStatus = (typeof GRADE_PROPOSAL_STATUSES)[number];

export const GRADE_PROPOSAL_ACTIONS = ['APPROVE', 'REJECT', 'WITHDRAW'] as const;
export type GradeProposalAction = (typeof GRADE_PROPOSAL_ACTIONS)[number];

export interface GradeProposalTransition {
  action: GradeProposalAction;
  from: GradeProposalStatus;
  to: GradeProposalStatus;
  /** Officers of the organisation's region subtree (review), or the organisation's own members (self). */
  by: Permission;
  reason: 'REQUIRED' | 'OPTIONAL';
}

export const GRADE_PROPOSAL_TRANSITIONS: readonly GradeProposalTransition[] = [
  { action: 'APPROVE', from: 'PENDING', to: 'APPROVED', by: PERMISSIONS.ORGANISATIONS_REVIEW, reason: 'OPTIONAL' },
  { action: 'REJECT', from: 'PENDING', to: 'REJECTED', by: PERMISSIONS.ORGANISATIONS_REVIEW, reason: 'REQUIRED' },
  { action: 'WITHDRAW', from: 'PENDING', to: 'WITHDRAWN', by: PERMISSIONS.ORGANISATIONS_SELF, reason: 'OPTIONAL' },
];

/** The transition, or null when the proposal's status does not allow it (409). */
export function gradeProposalTransition(
  action: GradeProposalAction,
  from: GradeProposalStatus,
): GradeProposalTransition | null {
  return GRADE_PROPOSAL_TRANSITIONS.find((t) => t.action === action && t.from === from) ?? null;
}

/** The documents that can prove a grade: the grade certificate, or a qualification document. */
export const GRADE_EVIDENCE_KINDS: readonly DocumentKind[] = ['GRADE_CERTIFICATE', 'QUALIFICATION'];

export interface GradeClaim {
  /** Last day of validity, YYYY-MM-DD (Asia/Shanghai). */
  expiresOn: string;
  /** The kind of the supporting document, or null when there is none (proposals migrated from self-set grades). */
  documentKind: DocumentKind | null;
}

export type GradeClaimProblem = { field: 'expiresOn' | 'documentId'; message: string };

/**
 * What makes a grade claim acceptable on `today` (Asia/Shanghai): a real calendar day that has not passed,
 * and a supporting document of an evidence kind. Checked when proposed, and again when approved (a
 * proposal may have waited past its expiry).
 */
export function gradeClaimProblem(claim: GradeClaim, today: string): GradeClaimProblem | null {
  if (!isCalendarDate(claim.expiresOn)) return { field: 'expiresOn', message: 'expiresOn is not a calendar date.' };
  if (claim.expiresOn < today) return { field: 'expiresOn', message: 'This grade has already expired.' };
  if (claim.documentKind === null)
    return { field: 'documentId', message: 'A grade is decided only on its certificate: attach the document.' };
  if (!GRADE_EVIDENCE_KINDS.includes(claim.documentKind))
    return {
      field: 'documentId',
      message: 'The supporting document must be a grade certificate or a qualification document.',
    };
  return null;
}
