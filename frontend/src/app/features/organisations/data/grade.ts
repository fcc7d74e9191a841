import type { Organisation } from '../../../api';

export const GRADES = [1, 2, 3, 4, 5] as const;

/** `4A`, or null. */
export function gradeLabel(grade: number | null): string | null {
  return grade === null ? null : `${grade}A`;
}

/** What a grade cell shows: `4A (至 2028-12-31)`, `3A`, or `4A (已过期 …)` when it no longer counts. */
export function gradeView(o: Pick<Organisation, 'grade' | 'gradeExpiresOn' | 'gradeValid'>): {
  label: string | null;
  expiresOn: string | null;
  expired: boolean;
} {
  return { label: gradeLabel(o.grade), expiresOn: o.gradeExpiresOn, expired: o.grade !== null && !o.gradeValid };
}
