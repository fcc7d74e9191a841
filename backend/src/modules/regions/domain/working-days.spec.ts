import {
  addCalendarDaysEndingOnWorkingDay,
  addWorkingDays,
  endOfDayShanghai,
  isWorkingDay,
  parseDate,
  shanghaiDate,
  WorkingDayCalendar,
} from './working-days';

/** The 2025 National Day / Mid-Autumn arrangement: 1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked. */
const cal2025: WorkingDayCalendar = {
  holidays: new Set([
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ]),
  workdays: new Set(['2025-09-28', '2025-10-11']),
};
const plain: WorkingDayCalendar = { holidays: new Set(), workdays: new Set() };

describe('working days', () => {
  it('counts Monday to Friday and skips weekends', () => {
    expect(addWorkingDays('2025-11-14', 1, plain)).toBe('2025-11-17'); // Fri → Mon
    expect(addWorkingDays('2025-11-17', 5, plain)).toBe('2025-11-24');
  });

  it('excludes the start day', () => {
    expect(addWorkingDays('2025-11-17', 1, plain)).toBe('2025-11-18');
    expect(addWorkingDays('2025-11-17', 0, plain)).toBe('2025-11-17');
  });

  it('skips public holidays and counts make-up workdays', () => {
    expect(isWorkingDay('2025-09-28', cal2025)).toBe(true); // Sunday, 调休
    expect(isWorkingDay('2025-10-06', cal2025)).toBe(false); // Monday, holiday
    // From Fri 26 Sep: Sun 28 Sep (make-up) is 1, Mon 29 is 2, Tue 30 is 3, then 1–8 Oct off,
    // Thu 9 Oct is 4, Fri 10 Oct is 5, Sat 11 Oct (make-up) is 6, Mon 13 Oct is 7.
    expect(addWorkingDays('2025-09-26', 3, cal2025)).toBe('2025-09-30');
    expect(addWorkingDays('2025-09-26', 6, cal2025)).toBe('2025-10-11');
    expect(addWorkingDays('2025-09-26', 7, cal2025)).toBe('2025-10-13');
  });

  it('gives 7 working days for an objection window starting before the holiday', () => {
    expect(addWorkingDays('2025-09-29', 7, cal2025)).toBe('2025-10-15');
  });

  it('rolls a calendar-day period that ends on a rest day to the next working day', () => {
    expect(addCalendarDaysEndingOnWorkingDay('2025-09-12', 20, cal2025)).toBe('2025-10-09'); // 2 Oct is a holiday
    expect(addCalendarDaysEndingOnWorkingDay('2025-11-03', 5, plain)).toBe('2025-11-10'); // Sat 8 → Mon 10
    expect(addCalendarDaysEndingOnWorkingDay('2025-11-03', 3, plain)).toBe('2025-11-06');
  });

  it('ends a day at 24:00 Asia/Shanghai', () => {
    expect(endOfDayShanghai('2025-10-13').toISOString()).toBe('2025-10-13T16:00:00.000Z');
    expect(shanghaiDate(new Date('2025-10-13T15:59:59.999Z'))).toBe('2025-10-13');
    expect(shanghaiDate(new Date('2025-10-13T16:00:00.000Z'))).toBe('2025-10-14');
  });

  it('rejects impossible dates and negative counts', () => {
    expect(() => parseDate('2025-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('2025-01-01', -1, plain)).toThrow(RangeError);
  });
});
