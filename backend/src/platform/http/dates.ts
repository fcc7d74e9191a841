import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * The two date shapes the API accepts, checked strictly so that an impossible value (`2026-02-30`, `25:00`) is a 400
 * instead of being stored, rolled over to March by `new Date`, or compared as text. Every DTO uses these two
 * decorators; no DTO writes its own date pattern.
 *
 * - A calendar date `YYYY-MM-DD` (a day in Asia/Shanghai: `heldOn`, `until`, `gradeExpiresOn`, calendar days).
 * - An instant `YYYY-MM-DDTHH:mm[:ss[.fraction]]` with `Z` or an offset `±HH:MM` (deadlines, campaign windows). The
 *   offset is required: without it, the same text would mean different instants on different servers.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function realDay(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A real calendar day written `YYYY-MM-DD`. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  return m !== null && realDay(m[1], m[2], m[3]);
}

/** A real instant written in ISO 8601 with its offset (`2026-12-21T01:30:00.000Z`, `2026-12-21T09:30+08:00`). */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (m === null || !realDay(m[1], m[2], m[3])) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[7] !== undefined && (Number(m[7]) > 14 || Number(m[8]) > 59)) return false;
  return true;
}

/** Validates a calendar date `YYYY-MM-DD` that exists (no 30 February). */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a real date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}

/** Validates an ISO 8601 instant with its offset, on a day and at a time that exist. */
export function IsInstant(options: ValidationOptions = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be a real instant in ISO 8601 with its offset, e.g. 2026-12-21T09:30:00+08:00',
        ...options,
      },
      validator: { validate: (value: unknown) => isInstant(value) },
    });
}
