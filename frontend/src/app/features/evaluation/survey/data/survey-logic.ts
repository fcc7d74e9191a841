/**
 * Pure helpers of the survey pages: which words a question's five points have, whether an answer is complete, the
 * bar widths of a distribution, the absolute share link a QR code encodes.
 */

/** The words of a question's points: satisfaction (非常不满意 … 非常满意) or willingness (非常不愿意 … 非常愿意). */
export type Scale = 'SATISFACTION' | 'LIKELIHOOD';

/** The default questionnaire's keys (the backend stores only these; the texts are the app's). */
export const QUESTION_KEYS = ['OVERALL', 'ATTITUDE', 'TIMELINESS', 'QUALITY', 'RECOMMEND'] as const;

export function scaleOf(question: string): Scale {
  return question === 'RECOMMEND' ? 'LIKELIHOOD' : 'SATISFACTION';
}

/** The five points, best first: how a resident reads a scale on a phone (非常满意 at the top). */
export const POINTS_BEST_FIRST: readonly number[] = [5, 4, 3, 2, 1];

/** An answer is complete when every question has a point from 1 to 5. */
export function isComplete(questions: readonly string[], answers: ReadonlyArray<number | null>): boolean {
  return (
    questions.length > 0 &&
    answers.length === questions.length &&
    answers.every((a) => a !== null && Number.isInteger(a) && a >= 1 && a <= 5)
  );
}

/** The first question without a point (its index), or -1. */
export function firstUnanswered(questions: readonly string[], answers: ReadonlyArray<number | null>): number {
  return questions.findIndex((_, i) => {
    const a = answers[i];
    return a === null || a === undefined;
  });
}

/** The share of each point in a question's answers, as whole percentages for bars (0 when nobody answered). */
export function barWidths(counts: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (total === 0 ? 0 : Math.round((c * 100) / total)));
}

/** The absolute address a QR code encodes: this site's origin and the survey's path. */
export function shareUrl(origin: string, link: string): string {
  return `${origin.replace(/\/+$/, '')}${link}`;
}

/** The token of a share link `/s/<token>` (null when it is not one). */
export function tokenOf(link: string | null): string | null {
  const m = /^\/s\/([0-9a-f]{32})$/.exec(link ?? '');
  return m ? m[1] : null;
}

/** A phone number as the worker types it in the beneficiary field: digits only for an 11-digit mobile number. */
export function normaliseResident(text: string): string {
  const trimmed = text.trim();
  const digits = trimmed.replace(/[\s-]/g, '');
  return /^1\d{10}$/.test(digits) ? digits : trimmed;
}
