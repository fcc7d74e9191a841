import { formatDate } from '@angular/common';
import {
  beijingDate,
  beijingDayStart,
  beijingLocalToInstant,
  beijingNextDayStart,
  formatBeijingNumeric,
  formatDeadlineNumeric,
  instantToBeijingLocal,
} from '@diandan/time';

import type { IsoDate } from '../api';

/*
 * Every time shown to a person is Beijing time (Asia/Shanghai), whatever the browser's zone: the
 * legal deadlines are Beijing's, and an officer travelling abroad must read the same 24:00 as the
 * resident at home. The arithmetic is the backend's own (`@diandan/time`, shared with its message
 * templates), so the UI and the server texts cannot disagree. Calendar dates (`YYYY-MM-DD`) are
 * dates, not instants: a date picker's Date is read by its calendar fields.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of a calendar date held in a Date (a date picker's value: its local calendar fields). */
export function toIsoDate(date: Date): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today's date in Beijing, `YYYY-MM-DD` (a default for date fields, a file name's date). */
export function todayInBeijing(now: Date = new Date()): IsoDate {
  return beijingDate(now);
}

/** A `YYYY-MM-DD` calendar date as a Date at local midnight, for date pickers (null when not a real day). */
export function parseIsoDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIsoDate(date) === value ? date : null;
}

/** 00:00 Beijing time of the day `value`, as an ISO instant: the lower bound of a day filter. */
export function localDayBoundary(value: IsoDate): string | null {
  return beijingDayStart(value);
}

/** 00:00 Beijing time of the day after `value`: an exclusive upper bound for that day. */
export function nextLocalDayStart(value: IsoDate): string | null {
  return beijingNextDayStart(value);
}

/** Weekday name of a calendar date in `locale` (registered in core/i18n). */
export function weekdayOf(value: IsoDate, locale: string): string {
  const date = parseIsoDate(value);
  return date ? formatDate(date, 'EEEE', locale) : '';
}

/** An instant in Beijing time, `yyyy-MM-dd HH:mm:ss` ('' when empty, the value itself when not a time). */
export function formatInstant(value: string | null | undefined, _locale?: string): string {
  return formatBeijingNumeric(value, 'second');
}

/** An instant in Beijing time to the minute, `yyyy-MM-dd HH:mm`. */
export function formatMinute(value: string | null | undefined, _locale?: string): string {
  return formatBeijingNumeric(value, 'minute');
}

/**
 * A deadline instant as Beijing wall-clock time, `YYYY-MM-DD HH:mm`. Midnight is written as 24:00
 * of the day before, as legal deadlines are ("截止到某日 24 时").
 */
export function formatDeadline(value: string): string {
  return value ? formatDeadlineNumeric(value) : value;
}

/**
 * The value of an `<input type="datetime-local" step="1">`, read as Beijing wall-clock time, as an
 * ISO instant in UTC; null when it is empty or not a real time.
 */
export function fromLocalDateTime(value: string | null | undefined): string | null {
  return beijingLocalToInstant(value);
}

/** An ISO instant as the value of an `<input type="datetime-local" step="1">` in Beijing wall-clock time. */
export function toLocalDateTime(value: string | Date | null | undefined): string {
  return instantToBeijingLocal(value);
}
