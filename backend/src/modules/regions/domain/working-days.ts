/**
 * Working-day arithmetic (pure). Dates are calendar dates in Asia/Shanghai written `YYYY-MM-DD`.
 * A day is a working day when it is Monday–Friday and not a public holiday, or when it is a
 * make-up workday (调休) declared for that year. Rules (PRODUCT.md §4): the start day is excluded;
 * a period whose last day is not a working day ends on the next working day; a day ends at
 * 24:00 Asia/Shanghai.
 */
export interface WorkingDayCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function parseDate(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatDate(t) !== date) throw new RangeError(`Not a date: ${date}`);
  return t;
}

export function formatDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, n: number): string {
  return formatDate(parseDate(date) + n * DAY_MS);
}

export function isWorkingDay(date: string, cal: WorkingDayCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(parseDate(date)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `from` (the start day excluded). n = 0 gives `from` itself. */
export function addWorkingDays(from: string, n: number, cal: WorkingDayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  let date = from;
  parseDate(from);
  for (let left = n; left > 0;) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, cal)) left--;
  }
  return date;
}

/** `date` itself if it is a working day, else the next working day. */
export function onOrNextWorkingDay(date: string, cal: WorkingDayCalendar): string {
  let d = date;
  while (!isWorkingDay(d, cal)) d = addCalendarDays(d, 1);
  return d;
}

/** A period of n calendar days from `from` (start excluded), rolled to a working day if it ends on a rest day. */
export function addCalendarDaysEndingOnWorkingDay(from: string, n: number, cal: WorkingDayCalendar): string {
  return onOrNextWorkingDay(addCalendarDays(from, n), cal);
}

/** The instant a day ends: 24:00 Asia/Shanghai of `date`, i.e. 16:00 UTC of the same date. */
export function endOfDayShanghai(date: string): Date {
  return new Date(parseDate(date) + DAY_MS - SHANGHAI_OFFSET_MS);
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): string {
  return formatDate(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS);
}
