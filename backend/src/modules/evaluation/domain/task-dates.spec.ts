import {
  addCalendarMonths,
  finalTaskOpensAt,
  startOfDayShanghai,
  taskCode,
  taskDueAt,
  taskReminderAt,
} from './task-dates';

describe('evaluation task dates', () => {
  it('moves a date by calendar months, onto the last day of a shorter month', () => {
    expect(addCalendarMonths('2027-12-31', -1)).toBe('2027-11-30');
    expect(addCalendarMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addCalendarMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addCalendarMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(addCalendarMonths('2027-01-31', 1)).toBe('2027-02-28');
  });

  it('creates the final task at 00:00 Beijing one month before the term ends', () => {
    // 2027-11-30 00:00 Beijing = 2027-11-29 16:00 UTC
    expect(finalTaskOpensAt('2027-12-31').toISOString()).toBe('2027-11-29T16:00:00.000Z');
    expect(startOfDayShanghai('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('makes a task due at 24:00 Beijing of the term end plus the due days (start day excluded)', () => {
    // term ends 2027-12-31, 30 days → 2028-01-30 24:00 Beijing = 2028-01-30 16:00 UTC
    expect(taskDueAt('2027-12-31', 30).toISOString()).toBe('2028-01-30T16:00:00.000Z');
  });

  it('reminds a whole number of days before the due time', () => {
    expect(taskReminderAt(new Date('2028-01-30T16:00:00.000Z'), 7).toISOString()).toBe('2028-01-23T16:00:00.000Z');
  });

  it('numbers tasks PG-year-six digits', () => {
    expect(taskCode('2027', 12)).toBe('PG-2027-000012');
  });
});
