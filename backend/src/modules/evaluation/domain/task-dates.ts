import { addCalendarDays, endOfDayShanghai, formatDate, parseDate } from '../../regions';

/**
 * When evaluation tasks come and are due (issue #11 item 2; PRODUCT.md §4 day counting). Dates are Beijing
 * calendar dates `YYYY-MM-DD`; instants are UTC. A day ends at 24:00 Beijing time.
 */

/** A contract's FINAL task is created (OPEN, to be assigned) this many calendar months before its term ends. */
export const FINAL_TASK_LEAD_MONTHS = 1;

const DAY_MS = 86_400_000;

/**
 * `date` moved by `months` calendar months (negative: back), kept on the same day of the month or, when that
 * month is shorter, on its last day: one month before 2027-03-31 is 2027-02-28.
 */
export function addCalendarMonths(date: string, months: number): string {
  const t = new Date(parseDate(date));
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return formatDate(Date.UTC(y, m, Math.min(t.getUTCDate(), lastDay)));
}

/** The instant a Beijing day begins: 00:00 Asia/Shanghai, i.e. 24:00 of the day before. */
export function startOfDayShanghai(date: string): Date {
  return endOfDayShanghai(addCalendarDays(date, -1));
}

/** When the final-task job creates a contract's FINAL task: 00:00 Beijing, one calendar month before the term ends. */
export function finalTaskOpensAt(termEnd: string): Date {
  return startOfDayShanghai(addCalendarMonths(termEnd, -FINAL_TASK_LEAD_MONTHS));
}

/** A task's due instant: 24:00 Beijing of the day `days` calendar days after `from` (the start day excluded). */
export function taskDueAt(from: string, days: number): Date {
  return endOfDayShanghai(addCalendarDays(from, days));
}

/** When the reminder before a task's due time goes out. */
export function taskReminderAt(dueAt: Date, days: number): Date {
  return new Date(dueAt.getTime() - days * DAY_MS);
}

/** Task statuses still waiting for the evaluator's result: the ones a due time and a reminder concern. */
export const UNFINISHED_TASK_STATUSES = ['OPEN', 'ASSIGNED', 'IN_PROGRESS', 'RETURNED'] as const;

/** A task's code 评估编号, e.g. PG-2027-000012 (year of creation, Beijing). */
export function taskCode(year: string, id: number): string {
  return `PG-${year}-${String(id).padStart(6, '0')}`;
}
