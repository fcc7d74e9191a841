/**
 * Blacklisting lasts 1 to 3 years (PRODUCT.md §4): the last day lies between today + 1 year and
 * today + 3 years, both included. The API checks it again with the deployment's own figures.
 */
export const BLACKLIST_MIN_YEARS = 1;
export const BLACKLIST_MAX_YEARS = 3;

/** The same calendar day `years` later (29 February → 28 February in a common year), `YYYY-MM-DD`. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function blacklistWindow(today: string): { earliest: string; latest: string } {
  return { earliest: addYears(today, BLACKLIST_MIN_YEARS), latest: addYears(today, BLACKLIST_MAX_YEARS) };
}

/** For the date picker: days outside the window are disabled. */
export function outsideBlacklistWindow(day: string, today: string): boolean {
  const { earliest, latest } = blacklistWindow(today);
  return day < earliest || day > latest;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A blacklisting ends at 24:00 Asia/Shanghai of its last day: the day shown to people. */
export function lastBlacklistedDay(until: string): string {
  return shanghaiDate(new Date(Date.parse(until) - 1));
}
