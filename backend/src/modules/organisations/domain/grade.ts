/**
 * Evaluation grade of a social organisation (社会组织评估等级, 1A–5A), stored as 1..5 with the last
 * day of its validity. A grade counts only until that day ends (Asia/Shanghai): after it, the
 * organisation has no valid grade — computed on read, no job needed.
 */
export const GRADES = [1, 2, 3, 4, 5] as const;

export function gradeLabel(grade: number | null): string | null {
  return grade === null ? null : `${grade}A`;
}

/** `today` and `expiresOn` are `YYYY-MM-DD` (Asia/Shanghai). No expiry recorded: valid. */
export function gradeValid(grade: number | null, expiresOn: string | null, today: string): boolean {
  return grade !== null && (expiresOn === null || expiresOn >= today);
}

/** The grade that counts today, or null when there is none or it has expired. */
export function effectiveGrade(grade: number | null, expiresOn: string | null, today: string): number | null {
  return gradeValid(grade, expiresOn, today) ? grade : null;
}
