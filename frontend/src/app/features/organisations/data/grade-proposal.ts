import type { GradeProposal, OrganisationDetail, OrganisationDocument, ProposeGradeRequest } from '../../../api';
import type { OrgKey } from '../i18n/organisations-i18n';

/**
 * A grade is proposed by the organisation's members with its certificate and decided by a procurement
 * officer of its region (the backend's `domain/grade-proposal.ts`, checked here first for quick feedback).
 */
export const EVIDENCE_KINDS: readonly OrganisationDocument['kind'][] = ['GRADE_CERTIFICATE', 'QUALIFICATION'];

export interface GradeProposalFormValue {
  grade: number | null;
  expiresOn: string;
  documentId: number | null;
  note: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toISOString().slice(0, 10) === value;
}

/** The documents that can prove a grade, newest first. */
export function evidenceDocuments(docs: readonly OrganisationDocument[]): OrganisationDocument[] {
  return docs.filter((d) => EVIDENCE_KINDS.includes(d.kind)).sort((a, b) => b.id - a.id);
}

/** What is wrong before sending (texts of the organisations dictionary); `today` is the Asia/Shanghai date. */
export function gradeProposalProblems(v: GradeProposalFormValue, today: string): OrgKey[] {
  const out: OrgKey[] = [];
  if (v.grade === null) out.push('organisations.gradeProposal.problem.grade');
  if (!isCalendarDate(v.expiresOn)) out.push('organisations.gradeProposal.problem.expiresOn');
  else if (v.expiresOn < today) out.push('organisations.gradeProposal.problem.expired');
  if (v.documentId === null) out.push('organisations.gradeProposal.problem.document');
  return out;
}

/** The body of `POST /my/organisation/grade-proposals` (an empty note is left out). */
export function toProposeGradeRequest(v: GradeProposalFormValue): ProposeGradeRequest {
  return {
    grade: v.grade as number,
    expiresOn: v.expiresOn,
    documentId: v.documentId as number,
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  };
}

/** Who decided the grade shown: an officer (by name), the system (seed, data present before), or nobody yet. */
export function gradeDecision(o: Pick<OrganisationDetail, 'grade' | 'gradeDecidedAt' | 'gradeDecidedByName'>): {
  by: 'officer' | 'system' | 'none';
  name: string | null;
  at: string | null;
} {
  if (o.grade === null || !o.gradeDecidedAt) return { by: 'none', name: null, at: null };
  return o.gradeDecidedByName
    ? { by: 'officer', name: o.gradeDecidedByName, at: o.gradeDecidedAt }
    : { by: 'system', name: null, at: o.gradeDecidedAt };
}

/** The proposal's status as a tag colour. */
export function proposalColour(p: Pick<GradeProposal, 'status'>): string {
  switch (p.status) {
    case 'PENDING':
      return 'processing';
    case 'APPROVED':
      return 'green';
    case 'REJECTED':
      return 'red';
    case 'WITHDRAWN':
      return 'default';
  }
}
