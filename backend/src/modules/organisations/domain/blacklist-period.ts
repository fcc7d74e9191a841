import { isCalendarDate } from './calendar-date';

/**
 * Blacklisting for misconduct lasts 1 to 3 years (PRODUCT.md §4; configurable per deployment:
 * ORG_BLACKLIST_MIN_YEARS, ORG_BLACKLIST_MAX_YEARS). The officer gives the last day of the
 * blacklisting as an Asia/Shanghai calendar date; it must fall between today + min years and
 * today + max years, both inclusive. The blacklisting ends when that day ends (24:00 Asia/Shanghai).
 */
export interface BlacklistPolicy {
  minYears: number;
  maxYears: number;
}

export const DEFAULT_BLACKLIST_POLICY: BlacklistPolicy = { minYears: 1, maxYears: 3 };

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The first and the last day the blacklisting may be set to end on, given today's date. */
export function blacklistWindow(
  today: string,
  policy: BlacklistPolicy = DEFAULT_BLACKLIST_POLICY,
): { earliest: string; latest: string } {
  return { earliest: addYears(today, policy.minYears), latest: addYears(today, policy.maxYears) };
}

export type BlacklistProblem = 'NOT_A_DATE' | 'TOO_SHORT' | 'TOO_LONG';

/** Why `until` is not an acceptable last day of a blacklisting decided `today` (null when it is). */
export function checkBlacklistUntil(
  until: string,
  today: string,
  policy: BlacklistPolicy = DEFAULT_BLACKLIST_POLICY,
): BlacklistProblem | null {
  if (!isCalendarDate(until)) return 'NOT_A_DATE';
  const { earliest, latest } = blacklistWindow(today, policy);
  if (until < earliest) return 'TOO_SHORT';
  if (until > latest) return 'TOO_LONG';
  return null;
}
