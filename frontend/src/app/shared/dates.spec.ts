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
  todayInBeijing,
  toIsoDate,
  toLocalDateTime,
  weekdayOf,
} from './dates';

registerLocaleData(localeZh, 'zh-CN');

/*
 * Instants here are written in UTC (Z) and every expected text is Beijing time (UTC+8). `npm test`
 * runs this file under TZ=UTC, America/New_York and Asia/Shanghai (scripts/test.sh): a function that
 * used the browser's zone fails under UTC and New York, one that used UTC fails everywhere.
 */
describe('dates shown to people are Beijing time, whatever the browser’s zone', () => {
  it('formats instants in Beijing time (a UTC afternoon is the next Beijing morning)', () => {
    expect(formatInstant('2026-11-23T06:30:05.000Z', 'en-US')).toBe('2026-11-23 14:30:05');
    expect(formatInstant('2026-11-23T18:30:05.000Z', 'zh-CN')).toBe('2026-11-24 02:30:05');
    expect(formatMinute('2026-11-23T18:30:05.000Z', 'en-US')).toBe('2026-11-24 02:30');
    // New York's daylight-saving change does not move Beijing's clock
    expect(formatMinute('2026-03-08T06:30:00.000Z', 'en-US')).toBe('2026-03-08 14:30');
    expect(formatMinute('2026-11-01T05:30:00.000Z', 'en-US')).toBe('2026-11-01 13:30');
    expect(formatInstant('garbage', 'en-US')).toBe('garbage');
    expect(formatInstant(null, 'en-US')).toBe('');
    expect(formatMinute(undefined, 'en-US')).toBe('');
  });

  it('writes deadlines in Beijing time, midnight as 24:00 of the day before', () => {
    expect(formatDeadline('2026-10-13T16:00:00.000Z')).toBe('2026-10-13 24:00');
    expect(formatDeadline('2026-12-31T16:00:00.000Z')).toBe('2026-12-31 24:00');
    expect(formatDeadline('2026-02-28T16:00:00.000Z')).toBe('2026-02-28 24:00');
    expect(formatDeadline('2026-10-13T09:30:00.000Z')).toBe('2026-10-13 17:30');
    expect(formatDeadline('nope')).toBe('nope');
    expect(formatDeadline('')).toBe('');
  });

  it('reads datetime-local values as Beijing wall-clock time and writes them back', () => {
    expect(fromLocalDateTime('2026-11-23T09:05')).toBe('2026-11-23T01:05:00.000Z');
    expect(fromLocalDateTime('2026-11-23T00:30:30')).toBe('2026-11-22T16:30:30.000Z');
    // 02:30 does not exist in New York on 8 March 2026; it does in Beijing
    expect(fromLocalDateTime('2026-03-08T02:30')).toBe('2026-03-07T18:30:00.000Z');
    expect(toLocalDateTime('2026-11-23T01:05:00.000Z')).toBe('2026-11-23T09:05');
    expect(toLocalDateTime(new Date('2026-11-22T16:30:30.000Z'))).toBe('2026-11-23T00:30:30');
    expect(fromLocalDateTime('2026-02-30T10:00')).toBeNull();
    expect(fromLocalDateTime('2026-11-23 09:05')).toBeNull();
    expect(fromLocalDateTime('')).toBeNull();
    expect(toLocalDateTime('nope')).toBe('');
  });

  it('bounds a day filter by Beijing midnights', () => {
    expect(localDayBoundary('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
    expect(nextLocalDayStart('2026-02-28')).toBe('2026-02-28T16:00:00.000Z');
    expect(nextLocalDayStart('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
    expect(localDayBoundary('nope')).toBeNull();
    expect(nextLocalDayStart('nope')).toBeNull();
  });

  it('knows today’s Beijing date, which is tomorrow in UTC after 16:00', () => {
    expect(todayInBeijing(new Date('2026-12-11T15:59:59.000Z'))).toBe('2026-12-11');
    expect(todayInBeijing(new Date('2026-12-11T16:00:00.000Z'))).toBe('2026-12-12');
  });

  it('keeps calendar dates of date pickers as the dates they are', () => {
    expect(toIsoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(toIsoDate(parseIsoDate('2026-10-01') as Date)).toBe('2026-10-01');
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('2026/02/01')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });

  it('names weekdays in the current language', () => {
    expect(weekdayOf('2026-10-01', 'en-US')).toBe('Thursday');
    expect(weekdayOf('2026-10-01', 'zh-CN')).toBe('星期四');
  });
});
