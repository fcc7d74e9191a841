import { registerLocaleData } from '@angular/common';
import localeZh from '@angular/common/locales/zh';

import {
  formatDeadline,
  formatInstant,
  formatMinute,
  fromLocalDateTime,
  localDayBoundary,
  nextLocalDayStart,
  parseIsoDate,
  toIsoDate,
  toLocalDateTime,
  weekdayOf,
} from './dates';

registerLocaleData(localeZh, 'zh-CN');

describe('dates', () => {
  it('round-trips calendar dates without shifting the day', () => {
    expect(toIsoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(toIsoDate(parseIsoDate('2026-10-01') as Date)).toBe('2026-10-01');
  });

  it('rejects malformed or impossible dates', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('2026/02/01')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });

  it('names weekdays in the current language', () => {
    expect(weekdayOf('2026-10-01', 'en-US')).toBe('Thursday');
    expect(weekdayOf('2026-10-01', 'zh-CN')).toBe('星期四');
  });

  it('turns a date filter into local-day boundaries', () => {
    const start = new Date(localDayBoundary('2026-03-01') as string);
    expect([start.getMonth(), start.getDate(), start.getHours(), start.getMinutes()]).toEqual([2, 1, 0, 0]);
    const after = new Date(nextLocalDayStart('2026-02-28') as string);
    expect([after.getMonth(), after.getDate(), after.getHours()]).toEqual([2, 1, 0]);
    expect(nextLocalDayStart('2026-12-31')).toBe(new Date(2027, 0, 1).toISOString());
    expect(localDayBoundary('nope')).toBeNull();
    expect(nextLocalDayStart('nope')).toBeNull();
  });

  it('writes deadlines in Beijing time, midnight as 24:00 of the day before', () => {
    expect(formatDeadline('2026-10-13T16:00:00.000Z')).toBe('2026-10-13 24:00');
    expect(formatDeadline('2026-12-31T16:00:00.000Z')).toBe('2026-12-31 24:00');
    expect(formatDeadline('2026-10-13T09:30:00.000Z')).toBe('2026-10-13 17:30');
    expect(formatDeadline('nope')).toBe('nope');
  });

  it('formats instants in local time and passes through what it cannot parse', () => {
    const instant = new Date(2026, 10, 23, 14, 30, 5).toISOString();
    expect(formatInstant(instant, 'en-US')).toBe('2026-11-23 14:30:05');
    expect(formatInstant('garbage', 'en-US')).toBe('garbage');
    expect(formatInstant(null, 'en-US')).toBe('');
  });

  it('reads datetime-local values as local time and writes them back', () => {
    const iso = fromLocalDateTime('2026-11-23T09:05');
    expect(iso).toBe(new Date(2026, 10, 23, 9, 5).toISOString());
    expect(fromLocalDateTime('2026-11-23T09:05:30')).toBe(new Date(2026, 10, 23, 9, 5, 30).toISOString());
    expect(toLocalDateTime(iso)).toBe('2026-11-23T09:05');
    expect(toLocalDateTime(new Date(2026, 10, 23, 9, 5, 30))).toBe('2026-11-23T09:05:30');
    expect(fromLocalDateTime('2026-02-30T10:00')).toBeNull();
    expect(fromLocalDateTime('2026-11-23 09:05')).toBeNull();
    expect(fromLocalDateTime('')).toBeNull();
    expect(toLocalDateTime('nope')).toBe('');
    expect(formatMinute(new Date(2026, 10, 23, 14, 30, 5).toISOString(), 'en-US')).toBe('2026-11-23 14:30');
  });
});
