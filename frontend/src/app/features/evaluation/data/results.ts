import type { EvaluationResult, Grade } from './results.api';

/**
 * Pure rules of the result pages: colours, what a form accepts (the server's own limits, so a refusal is rare), and
 * the words for a final tranche.
 */
export const GRADE_COLOR: Readonly<Record<Grade, string>> = {
  EXCELLENT: 'green',
  GOOD: 'blue',
  PASS: 'gold',
  FAIL: 'red',
};

export const RESULT_STATUS_COLOR: Readonly<Record<string, string>> = {
  SUBMITTED: 'blue',
  CONFIRMED: 'gold',
  PUBLISHED: 'green',
  RETURNED: 'orange',
};

export const OBJECTION_STATUS_COLOR: Readonly<Record<string, string>> = {
  FILED: 'gold',
  UPHELD: 'green',
  DISMISSED: 'default',
};

/** Objection reasons: 10–5000 characters once trimmed (the server's rule). */
export function reasonsValid(text: string): boolean {
  const n = text.trim().length;
  return n >= 10 && n <= 5000;
}

/** A return comment (2–1000) or an answer to an objection (2–2000), trimmed. */
export function textValid(text: string, max: number): boolean {
  const n = text.trim().length;
  return n >= 2 && n <= max;
}

export const OBJECTION_MAX_FILES = 3;
export const OBJECTION_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Whether the organisation may object now: the server says so (window open by its clock, none open). */
export function canObject(r: Pick<EvaluationResult, 'actions'>): boolean {
  return r.actions.includes('OBJECT');
}

/** The objections still waiting for the officer. */
export function openObjections(r: Pick<EvaluationResult, 'objections'>): number {
  return r.objections.filter((o) => o.status === 'FILED').length;
}

/** The text key of a final tranche's outcome. */
export function trancheKey(
  outcome: 'FULL' | 'REDUCED' | 'WITHHELD',
): 'res.tranche.FULL' | 'res.tranche.REDUCED' | 'res.tranche.WITHHELD' {
  return `res.tranche.${outcome}`;
}
