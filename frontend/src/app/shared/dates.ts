import { formatDate } from '@angular/common';

import type { IsoDate } from '../api';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of a local date. */
export function toIsoDate(date: Date): IsoDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A `YYYY-MM-DD` calendar date as a local Date at midnight (not UTC, which would shift the day). */
export function parseIsoDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIsoDate(date) === value ? date : null;
}

/** Start of the local day `value`, as an ISO instant. */
export function localDayBoundary(value: IsoDate): string | null {
  return parseIsoDate(value)?.toISOString() ?? null;
}

/** Start of the local day after `value`, as an ISO instant: an exclusive upper bound for that day. */
export function nextLocalDayStart(value: IsoDate): string | null {
  const date = parseIsoDate(value);
  if (!date) return null;
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

/** Weekday name of a calendar date in `locale` (registered in core/i18n). */
export function weekdayOf(value: IsoDate, locale: string): string {
  const date = parseIsoDate(value);
  return date ? formatDate(date, 'EEEE', locale) : '';
}

/** An instant in the browser's time zone, `yyyy-MM-dd HH:mm:ss`. */
export function formatInstant(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatDate(date, 'yyyy-MM-dd HH:mm:ss', locale);
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A deadline instant as Beijing wall-clock time, `YYYY-MM-DD HH:mm`. Midnight is written as 24:00
 * of the day before, as legal deadlines are ("截止到某日 24 时").
 */
export function formatDeadline(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(SHANGHAI.formatToParts(date).map((p) => [p.type, p.value]));
  const day = `${parts['year']}-${parts['month']}-${parts['day']}`;
  const time = `${parts['hour']}:${parts['minute']}`;
  if (time !== '00:00') return `${day} ${time}`;
  const before = new Date(Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']) - 1));
  return `${before.toISOString().slice(0, 10)} 24:00`;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/**
 * The value of an `<input type="datetime-local" step="1">` (local wall-clock time) as an ISO
 * instant in UTC, or null when it is empty or not a real time.
 */
export function fromLocalDateTime(value: string | null | undefined): string | null {
  const m = value ? LOCAL_DATE_TIME.exec(value) : null;
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const date = new Date(y, mo - 1, d, h, mi, s);
  const same =
    date.getFullYear() === y &&
    date.getMonth() === mo - 1 &&
    date.getDate() === d &&
    date.getHours() === h &&
    date.getMinutes() === mi;
  return same ? date.toISOString() : null;
}

/** An ISO instant as the value of an `<input type="datetime-local" step="1">`, in local time (seconds only when set). */
export function toLocalDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number): string => String(n).padStart(2, '0');
  const minutes = `${toIsoDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() === 0 ? minutes : `${minutes}:${pad(date.getSeconds())}`;
}

/** An instant in the browser's time zone to the minute, `yyyy-MM-dd HH:mm`. */
export function formatMinute(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatDate(date, 'yyyy-MM-dd HH:mm', locale);
}
