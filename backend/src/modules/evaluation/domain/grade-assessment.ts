import type { Transition } from './state-machines';

/**
 * A grade assessment (等级评估) of a social organisation on the 1,000-point ORGANISATION_GRADE template (issue #11
 * item 6). An officer of the organisation's region opens it (the newest active grade template is frozen for it),
 * scores every leaf with evidence notes and submits: the exact total, and the grade by the region's lines in force
 * that day. A second officer — never one who scored it (separation of duties) — decides on it with the decision
 * document: the organisation's grade becomes the assessed one, valid 5 years. Or returns it with a comment.
 *
 *   IN_PROGRESS → SUBMITTED → DECIDED
 *   SUBMITTED → RETURNED → SUBMITTED
 *   IN_PROGRESS | RETURNED → CANCELLED
 */
export const ASSESSMENT_STATUSES = ['IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'DECIDED', 'CANCELLED'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_TRANSITIONS: readonly Transition<AssessmentStatus>[] = [
  { from: 'IN_PROGRESS', to: 'SUBMITTED', by: ['PROCUREMENT_OFFICER'], label: '提交评估结果' },
  { from: 'RETURNED', to: 'SUBMITTED', by: ['PROCUREMENT_OFFICER'], label: '修改后重新提交' },
  { from: 'SUBMITTED', to: 'RETURNED', by: ['PROCUREMENT_OFFICER'], label: '退回重新评分' },
  { from: 'SUBMITTED', to: 'DECIDED', by: ['PROCUREMENT_OFFICER'], label: '审定等级' },
  { from: 'IN_PROGRESS', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '取消评估' },
  { from: 'RETURNED', to: 'CANCELLED', by: ['PROCUREMENT_OFFICER'], label: '取消评估' },
];

/** While one of these lasts, the organisation has an open assessment (at most one: the database enforces it). */
export const OPEN_ASSESSMENT_STATUSES: readonly AssessmentStatus[] = ['IN_PROGRESS', 'SUBMITTED', 'RETURNED'];
/** Scores and evidence notes can change only in these. */
export const SCORING_ASSESSMENT_STATUSES: readonly AssessmentStatus[] = ['IN_PROGRESS', 'RETURNED'];

/** What a caller may do with an assessment (shown by the UI, checked again by the service). */
export const ASSESSMENT_ACTIONS = ['SCORE', 'SUBMIT', 'RETURN', 'DECIDE', 'CANCEL'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/**
 * A grade decided by assessment is valid 5 years (社会组织评估管理办法 第二十八条: 社会组织评估等级有效期为5年), counted from
 * the day of the decision: its last valid day is the day before the fifth anniversary of the decision date (Beijing).
 * A decision on 29 February counts its anniversary as 1 March, so the grade still lasts five full years (to 28 Feb).
 */
export const GRADE_VALIDITY_YEARS = 5;

export function gradeExpiresOn(decisionDate: string, years: number = GRADE_VALIDITY_YEARS): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(decisionDate);
  if (!m) throw new RangeError(`Not a date: ${decisionDate}`);
  // Date.UTC rolls 29 February of a common year over to 1 March: the anniversary; one day less is the last valid day.
  const anniversary = Date.UTC(Number(m[1]) + years, Number(m[2]) - 1, Number(m[3]));
  return new Date(anniversary - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Separation of duties: who decides (or returns) an assessment must not have scored it — neither the officer who
 * submitted it nor anyone whose score stands on a leaf. Null when `userId` may decide, else why not.
 */
export function separationOfDutiesProblem(
  userId: number,
  scorers: { submittedBy: number | null; leafScorers: readonly number[] },
): string | null {
  if (scorers.submittedBy === userId) return 'You submitted this assessment: another officer must review it.';
  if (scorers.leafScorers.includes(userId)) return 'You scored this assessment: another officer must review it.';
  return null;
}

/** 等级编号, e.g. DJ-2026-000012. */
export function assessmentCode(year: number, id: number): string {
  return `DJ-${year}-${String(id).padStart(6, '0')}`;
}
