import type { CreateDeliberationRequest, DeliberationDecision, NeedStatus } from '../../../api';
import { isReason } from '../../../shared/validators';

/**
 * The decisions a council can take on a need in `status` (backend `decisionPath`): an accepted need
 * can be shortlisted, approved (through shortlisted) or declined; a shortlisted one approved or declined.
 */
export function decisionOptions(status: NeedStatus): DeliberationDecision[] {
  switch (status) {
    case 'ACCEPTED':
      return ['SHORTLISTED', 'APPROVED', 'DECLINED'];
    case 'SHORTLISTED':
      return ['APPROVED', 'DECLINED'];
    default:
      return [];
  }
}

export interface DecisionRow {
  needId: number;
  decision: DeliberationDecision | null;
  reason: string;
}

export interface DeliberationFormValue {
  heldOn: string;
  attendees: string;
  minutes: string;
}

export type DeliberationProblem = 'noDecision' | 'reasonRequired';

/**
 * The body of `POST /campaigns/:id/deliberations`: needs without a decision are left out; every
 * decision needs its reason (2–500 characters, as the API checks). Problems name the need they are about.
 */
export function toDeliberationRequest(
  form: DeliberationFormValue,
  rows: readonly DecisionRow[],
): { body: CreateDeliberationRequest; problems: { needId: number | null; problem: DeliberationProblem }[] } {
  const problems: { needId: number | null; problem: DeliberationProblem }[] = [];
  const decisions = rows
    .filter((r) => r.decision !== null)
    .map((r) => {
      const reason = r.reason.trim();
      if (!isReason(reason)) problems.push({ needId: r.needId, problem: 'reasonRequired' });
      return { needId: r.needId, decision: r.decision as DeliberationDecision, reason };
    });
  if (decisions.length === 0) problems.unshift({ needId: null, problem: 'noDecision' });
  return {
    body: { heldOn: form.heldOn, attendees: form.attendees.trim(), minutes: form.minutes.trim(), decisions },
    problems,
  };
}
