/**
 * Times for people: every instant shown to a person is Beijing wall-clock time (Asia/Shanghai),
 * whatever the machine's or the browser's zone. Shared by the backend's message templates and the
 * frontend (through the `@diandan/time` path alias), so this file must stay free of imports.
 *
 * China has kept UTC+8 all year since 1991 (no daylight saving), so Beijing time is plain arithmetic
 * on the instant: no `Date` getter that reads the local zone (getHours, getDate…) is used here, and
 * no dependence on the ICU data a runtime happens to ship.
 *
 * Deadlines follow the legal reading "截止到某日 24 时": an instant at 00:00 Beijing time is written as
 * 24:00 of the day before, so a reader never takes a deadline for a day later than it is.
 */

export type TimeLocale = 'zh-CN' | 'en-US';
export type Precision = 'day' | 'minute' | 'second';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Beijing wall-clock fields of an instant (month 1–12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** An instant from a Date, an ISO string or epoch milliseconds; null when missing or not a time. */
export function toInstant(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The Beijing wall clock at `value`, or null when it is not a time. */
export function beijingWallClock(value: Date | string | number | null | undefined): WallClock | null {
  const date = toInstant(value);
  if (date === null) return null;
  // Shift the instant by +8 h and read the UTC fields: those are Beijing's.
  const shifted = new Date(date.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function ymd(c: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/** The calendar day before `c` (month and year boundaries, leap years). */
function dayBefore(c: WallClock): WallClock {
  const d = new Date(Date.UTC(c.year, c.month - 1, c.day) - DAY_MS);
  return { ...c, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The wall clock to show: for a deadline at exactly 00:00 (to the minute shown), 24:00 of the day
 * before. `hour` is then 24.
 */
function shown(value: Date | string | number | null | undefined, deadline: boolean): WallClock | null {
  const c = beijingWallClock(value);
  if (c === null) return null;
  if (deadline && c.hour === 0 && c.minute === 0) return { ...dayBefore(c), hour: 24, minute: 0, second: 0 };
  return c;
}

/** `YYYY-MM-DD`: the Beijing calendar day of an instant ('' when it is not a time). */
export function beijingDate(value: Date | string | number | null | undefined): string {
  const c = beijingWallClock(value);
  return c === null ? '' : ymd(c);
}

/**
 * Numeric form for tables and forms: `2026-12-12 08:00` (minute), `2026-12-12 08:00:05` (second) or
 * `2026-12-12` (day). With `deadline`, midnight reads `2026-12-11 24:00`. '' for no value; the
 * value itself when it is not a time (so a bad value is visible, not hidden).
 */
export function formatBeijingNumeric(
  value: Date | string | number | null | undefined,
  precision: Precision = 'minute',
  deadline = false,
): string {
  if (value === null || value === undefined || value === '') return '';
  const c = shown(value, deadline);
  if (c === null) return String(value);
  if (precision === 'day') return ymd(c);
  const time = `${pad(c.hour)}:${pad(c.minute)}`;
  return precision === 'second' ? `${ymd(c)} ${time}:${pad(c.second)}` : `${ymd(c)} ${time}`;
}

/** A deadline in numeric form, midnight as 24:00 of the day before: `2026-12-11 24:00`. */
export function formatDeadlineNumeric(value: Date | string | number | null | undefined): string {
  return formatBeijingNumeric(value, 'minute', true);
}

/**
 * Text form for sentences, in the reader's language:
 * zh-CN `2026年12月12日 08:00`, en-US `12 Dec 2026, 08:00`; day precision `2026年12月12日` /
 * `12 Dec 2026`. With `deadline`, midnight reads `2026年12月11日 24:00` / `11 Dec 2026, 24:00`.
 * With `zone`, the zone is named (`北京时间` / `Beijing time`), for readers who may be elsewhere.
 */
export function formatBeijingText(
  value: Date | string | number | null | undefined,
  locale: TimeLocale,
  opts: { precision?: Precision; deadline?: boolean; zone?: boolean } = {},
): string {
  if (value === null || value === undefined || value === '') return '';
  const c = shown(value, opts.deadline ?? false);
  if (c === null) return String(value);
  const precision = opts.precision ?? 'minute';
  const time =
    precision === 'day'
      ? ''
      : precision === 'second'
        ? `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`
        : `${pad(c.hour)}:${pad(c.minute)}`;
  if (locale === 'zh-CN') {
    const day = `${c.year}年${c.month}月${c.day}日`;
    const text = time ? `${day} ${time}` : day;
    return opts.zone ? `北京时间 ${text}` : text;
  }
  const day = `${c.day} ${EN_MONTHS[c.month - 1]} ${c.year}`;
  const text = time ? `${day}, ${time}` : day;
  return opts.zone ? `${text} (Beijing time)` : text;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether y-m-d is a day of the calendar (2026-02-30 is not). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The instant at which Beijing's wall clock shows the given fields (they must be a real time). */
function instantOf(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): Date | null {
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - OFFSET_MS);
}

/**
 * The value of an `<input type="datetime-local">` read as Beijing wall-clock time
 * (`2026-12-11T16:00`, seconds optional), as an ISO instant; null when empty or not a real time.
 */
export function beijingLocalToInstant(value: string | null | undefined): string | null {
  const m = value ? LOCAL_DATE_TIME.exec(value) : null;
  if (!m) return null;
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  return instantOf(y, mo, d, h, mi, s, ms)?.toISOString() ?? null;
}

/**
 * An instant as the value of an `<input type="datetime-local">` in Beijing wall-clock time:
 * `2026-12-11T16:00`, or `2026-12-11T16:00:05` when it has seconds; '' when it is not a time.
 */
export function instantToBeijingLocal(value: Date | string | number | null | undefined): string {
  const c = beijingWallClock(value);
  if (c === null) return '';
  const minutes = `${ymd(c)}T${pad(c.hour)}:${pad(c.minute)}`;
  return c.second === 0 ? minutes : `${minutes}:${pad(c.second)}`;
}

/** 00:00 Beijing time of the calendar day `YYYY-MM-DD`, as an ISO instant (null when not a real day). */
export function beijingDayStart(value: string | null | undefined): string | null {
  const m = value ? ISO_DATE.exec(value) : null;
  if (!m) return null;
  return instantOf(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, 0)?.toISOString() ?? null;
}

/** 00:00 Beijing time of the day after `YYYY-MM-DD`: an exclusive upper bound for that day. */
export function beijingNextDayStart(value: string | null | undefined): string | null {
  const start = beijingDayStart(value);
  return start === null ? null : new Date(new Date(start).getTime() + DAY_MS).toISOString();
}
