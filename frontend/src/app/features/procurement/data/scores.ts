import type { Criterion, ScoreSheet } from './procurement.types';
import { pointsToCents } from './tender-rules';

/** One expert's score of one criterion: points from 0 to the criterion's maximum, at most two decimals. */
export function scoreProblem(text: string | null | undefined, maxScore: string): 'format' | 'range' | null {
  const value = (text ?? '').trim();
  if (value === '') return 'format';
  const cents = pointsToCents(value);
  if (cents === null) return 'format';
  const max = pointsToCents(maxScore) ?? 0;
  return cents > max ? 'range' : null;
}

/** A complete sheet: every criterion scored validly. */
export function sheetComplete(criteria: readonly Criterion[], scores: Readonly<Record<string, string>>): boolean {
  return criteria.every((c) => scoreProblem(scores[c.code], c.maxScore) === null);
}

/** The sum of a sheet's valid scores, in points with two decimals. */
export function sheetTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, string>>): string {
  const cents = criteria.reduce(
    (sum, c) => sum + (scoreProblem(scores[c.code], c.maxScore) === null ? (pointsToCents(scores[c.code]) ?? 0) : 0),
    0,
  );
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** The sheets to submit, scores trimmed, comments left out when empty. */
export function toSheets(
  bidIds: readonly string[],
  scores: Readonly<Record<string, Readonly<Record<string, string>>>>,
  comments: Readonly<Record<string, string>>,
): ScoreSheet[] {
  return bidIds.map((bidId) => {
    const sheet: ScoreSheet = {
      bidId,
      scores: Object.fromEntries(Object.entries(scores[bidId] ?? {}).map(([code, value]) => [code, value.trim()])),
    };
    const comment = (comments[bidId] ?? '').trim();
    if (comment) sheet.comment = comment;
    return sheet;
  });
}
