import {
  beijingDate,
  beijingDayStart,
  beijingLocalToInstant,
  beijingNextDayStart,
  beijingWallClock,
  formatBeijingNumeric,
  formatBeijingText,
  formatDeadlineNumeric,
  instantToBeijingLocal,
  isCalendarDate,
} from './beijing-time';

// Instants are written in UTC (Z) on purpose: every expected value below is Beijing time (UTC+8), so a
// formatter that used the machine's zone fails here under any TZ other than Asia/Shanghai — and
// scripts/test.sh runs this file under America/New_York and Asia/Shanghai as well as UTC.
describe('Beijing time for people', () => {
  describe('numeric form (tables, forms)', () => {
    it.each([
      // [instant, precision, deadline, expected]
      ['2026-12-11T16:00:00.000Z', 'minute', false, '2026-12-12 00:00'],
      ['2026-12-11T16:00:00.000Z', 'minute', true, '2026-12-11 24:00'], // the example: midnight → 24:00 of the day before
      ['2026-12-11T16:00:00.000Z', 'day', true, '2026-12-11'],
      ['2026-12-11T16:00:00.000Z', 'day', false, '2026-12-12'],
      ['2026-12-11T15:59:59.000Z', 'second', false, '2026-12-11 23:59:59'],
      ['2026-12-11T16:01:00.000Z', 'minute', true, '2026-12-12 00:01'], // one minute past midnight is not 24:00
      ['2026-06-30T01:30:05.000Z', 'second', false, '2026-06-30 09:30:05'], // summer: no daylight saving in China
      ['2026-01-15T01:30:05.000Z', 'second', false, '2026-01-15 09:30:05'], // winter: the same offset
      ['2026-03-08T07:30:00.000Z', 'minute', false, '2026-03-08 15:30'], // the day New York moves its clocks
      ['2026-02-28T16:00:00.000Z', 'minute', true, '2026-02-28 24:00'], // 1 March 00:00 → 28 Feb 24:00 (not leap)
      ['2028-02-29T16:00:00.000Z', 'minute', true, '2028-02-29 24:00'], // 1 March 2028 → 29 Feb (leap year)
      ['2026-12-31T16:00:00.000Z', 'minute', true, '2026-12-31 24:00'], // new year's midnight stays in the old year
      ['2026-12-31T16:00:00.000Z', 'minute', false, '2027-01-01 00:00'],
    ] as const)('%s (%s, deadline %s) → %s', (instant, precision, deadline, expected) => {
      expect(formatBeijingNumeric(instant, precision, deadline)).toBe(expected);
    });

    it('formats a deadline with formatDeadlineNumeric, and keeps empty and bad values visible', () => {
      expect(formatDeadlineNumeric('2026-12-11T16:00:00Z')).toBe('2026-12-11 24:00');
      expect(formatDeadlineNumeric(new Date('2026-12-11T16:00:00Z'))).toBe('2026-12-11 24:00');
      expect(formatBeijingNumeric(null)).toBe('');
      expect(formatBeijingNumeric(undefined)).toBe('');
      expect(formatBeijingNumeric('')).toBe('');
      expect(formatBeijingNumeric('not a time')).toBe('not a time');
    });
  });

  describe('text form (sentences), in the reader’s language', () => {
    it.each([
      ['2026-12-11T16:00:00.000Z', 'zh-CN', { deadline: true }, '2026年12月11日 24:00'],
      ['2026-12-11T16:00:00.000Z', 'en-US', { deadline: true }, '11 Dec 2026, 24:00'],
      ['2026-12-11T16:00:00.000Z', 'zh-CN', {}, '2026年12月12日 00:00'],
      ['2026-12-11T16:00:00.000Z', 'en-US', {}, '12 Dec 2026, 00:00'],
      ['2026-05-04T02:05:09.000Z', 'zh-CN', { precision: 'second' }, '2026年5月4日 10:05:09'],
      ['2026-05-04T02:05:09.000Z', 'en-US', { precision: 'day' }, '4 May 2026'],
      ['2026-05-04T02:05:09.000Z', 'zh-CN', { precision: 'day' }, '2026年5月4日'],
      ['2026-12-11T16:00:00.000Z', 'en-US', { deadline: true, zone: true }, '11 Dec 2026, 24:00 (Beijing time)'],
      ['2026-12-11T16:00:00.000Z', 'zh-CN', { deadline: true, zone: true }, '北京时间 2026年12月11日 24:00'],
    ] as const)('%s in %s %j → %s', (instant, locale, opts, expected) => {
      expect(formatBeijingText(instant, locale, opts)).toBe(expected);
    });
  });

  describe('calendar days', () => {
    it('gives the Beijing day of an instant, which is the next UTC day after 16:00 UTC', () => {
      expect(beijingDate('2026-12-11T15:59:59.999Z')).toBe('2026-12-11');
      expect(beijingDate('2026-12-11T16:00:00.000Z')).toBe('2026-12-12');
      expect(beijingWallClock('2026-12-11T16:00:00.000Z')).toEqual({
        year: 2026,
        month: 12,
        day: 12,
        hour: 0,
        minute: 0,
        second: 0,
      });
    });

    it('bounds a Beijing day by instants (for filters): 16:00 UTC of the day before', () => {
      expect(beijingDayStart('2026-12-12')).toBe('2026-12-11T16:00:00.000Z');
      expect(beijingNextDayStart('2026-12-12')).toBe('2026-12-12T16:00:00.000Z');
      expect(beijingNextDayStart('2026-12-31')).toBe('2026-12-31T16:00:00.000Z');
      expect(beijingDayStart('2026-02-30')).toBeNull();
      expect(beijingDayStart('2026-2-3')).toBeNull();
      expect(beijingNextDayStart('')).toBeNull();
    });

    it('knows which days exist', () => {
      expect(isCalendarDate(2028, 2, 29)).toBe(true);
      expect(isCalendarDate(2026, 2, 29)).toBe(false);
      expect(isCalendarDate(2026, 4, 31)).toBe(false);
      expect(isCalendarDate(2026, 13, 1)).toBe(false);
    });
  });

  describe('datetime-local inputs are Beijing wall-clock time', () => {
    it.each([
      // [input value, instant, the value written back]
      ['2026-12-12T00:00', '2026-12-11T16:00:00.000Z', '2026-12-12T00:00'],
      ['2026-12-11T16:00', '2026-12-11T08:00:00.000Z', '2026-12-11T16:00'],
      ['2026-03-08T02:30', '2026-03-07T18:30:00.000Z', '2026-03-08T02:30'], // a time New York skips: Beijing has it
      ['2026-11-01T01:30:15', '2026-10-31T17:30:15.000Z', '2026-11-01T01:30:15'], // New York has it twice
      ['2026-06-01T09:00:00.250', '2026-06-01T01:00:00.250Z', '2026-06-01T09:00'],
    ])('reads %s as %s and writes it back as %s', (local, instant, back) => {
      expect(beijingLocalToInstant(local)).toBe(instant);
      expect(instantToBeijingLocal(instant)).toBe(back);
    });

    it('refuses what is not a real time', () => {
      for (const bad of ['', null, undefined, '2026-02-30T10:00', '2026-12-11T24:00', '2026-12-11 10:00', '2026-12-11'])
        expect(beijingLocalToInstant(bad)).toBeNull();
      expect(instantToBeijingLocal('nonsense')).toBe('');
    });

    it('writes the value back with seconds only when there are some', () => {
      expect(instantToBeijingLocal('2026-12-11T16:00:00.000Z')).toBe('2026-12-12T00:00');
      expect(instantToBeijingLocal('2026-12-11T16:00:07.000Z')).toBe('2026-12-12T00:00:07');
    });
  });
});
