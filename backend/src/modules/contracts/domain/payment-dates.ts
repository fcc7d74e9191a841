import { beijingDate, beijingNextDayStart } from '../../../platform/i18n/beijing-time';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addCalendarDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * When a tranche must be paid (PRODUCT.md §4): `paymentDays` (30 by default, at most 60) Beijing calendar days
 * after the day its milestone was accepted, by the end of that day (24:00 Asia/Shanghai).
 */
export function paymentDue(acceptedAt: Date, paymentDays: number): { dueDate: string; dueAt: Date } {
  if (!Number.isInteger(paymentDays) || paymentDays < 1 || paymentDays > 60)
    throw new RangeError(`payment days must be 1..60, got ${paymentDays}`);
  const dueDate = addCalendarDays(beijingDate(acceptedAt), paymentDays);
  return { dueDate, dueAt: new Date(beijingNextDayStart(dueDate) as string) };
}

/**
 * Beijing calendar days a payment is late on `at` (the day of payment, or today while unpaid): 0 on or before
 * the due date, 1 on the day after it, and so on.
 */
export function daysLate(dueDate: string | null, at: Date): number {
  if (dueDate === null) return 0;
  return Math.max(0, dayNumber(beijingDate(at)) - dayNumber(dueDate));
}
