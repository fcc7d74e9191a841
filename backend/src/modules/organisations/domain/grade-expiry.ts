import { addCalendarDays } from '../../regions';

/**
 * How long before its grade expires an organisation sees it on its desk. Not a legal period: renewal
 * (重新评估) takes an evaluation agency's visit and report, so half a year's notice is a product choice.
 */
export const GRADE_EXPIRY_NOTICE_DAYS = 180;

/**
 * Whether a grade valid until `expiresOn` (its last day, `YYYY-MM-DD`, Asia/Shanghai) should be renewed now:
 * it expires within {@link GRADE_EXPIRY_NOTICE_DAYS} days of `today`, or has expired. No grade or no expiry
 * recorded: nothing to renew.
 */
export function gradeRenewalDue(grade: number | null, expiresOn: string | null, today: string): boolean {
  if (grade === null || expiresOn === null) return false;
  return expiresOn <= addCalendarDays(today, GRADE_EXPIRY_NOTICE_DAYS);
}
