import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { IsCalendarDate, isCalendarDate, IsInstant, isInstant } from './dates';

describe('calendar dates', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  it.each([
    ['a day after the end of February', '2026-02-30'],
    ['29 February of a common year', '2026-02-29'],
    ['29 February of a century that is not a leap year', '1900-02-29'],
    ['31 April', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['month 00', '2026-00-10'],
    ['day 00', '2026-01-00'],
    ['a datetime', '2026-01-01T00:00:00Z'],
    ['one-digit parts', '2026-1-1'],
    ['surrounding space', ' 2026-01-01'],
    ['a year of zeros', '0000-01-01'],
    ['a number', 20260101],
  ])('refuses %s (%s)', (_why, d) => {
    expect(isCalendarDate(d)).toBe(false);
  });
});

describe('instants', () => {
  it.each([
    '2026-12-21T01:30:00.000Z',
    '2026-12-21T01:30:00Z',
    '2026-12-21T01:30Z',
    '2026-12-21T09:30:00+08:00',
    '2024-02-29T23:59:59.999999-05:00',
  ])('accepts %s', (d) => {
    expect(isInstant(d)).toBe(true);
  });

  it.each([
    ['an impossible day', '2026-02-30T10:00:00Z'],
    ['hour 24', '2026-02-10T24:00:00Z'],
    ['hour 25', '2026-02-10T25:00:00Z'],
    ['minute 60', '2026-02-10T10:60:00Z'],
    ['a leap second', '2026-12-31T23:59:60Z'],
    ['no offset (its meaning would depend on the server)', '2026-02-10T10:00:00'],
    ['an offset beyond ±14:00', '2026-02-10T10:00:00+15:00'],
    ['a date alone', '2026-02-10'],
    ['a year alone', '2026'],
    ['a space instead of T', '2026-02-10 10:00:00Z'],
    ['words', 'tomorrow'],
  ])('refuses %s (%s)', (_why, d) => {
    expect(isInstant(d)).toBe(false);
  });
});

describe('the decorators', () => {
  class Dto {
    @IsCalendarDate() heldOn!: string;
    @IsInstant() closesAt!: string;
  }

  it('name the field and say what is expected', () => {
    const errors = validateSync(plainToInstance(Dto, { heldOn: '2026-02-30', closesAt: '2026-02-30T10:00:00Z' }));
    expect(errors.map((e) => [e.property, Object.values(e.constraints ?? {})[0]])).toEqual([
      ['heldOn', 'heldOn must be a real date written YYYY-MM-DD'],
      ['closesAt', expect.stringContaining('closesAt must be a real instant')],
    ]);
  });

  it('pass real values', () => {
    expect(validateSync(plainToInstance(Dto, { heldOn: '2026-02-28', closesAt: '2026-02-28T10:00:00Z' }))).toEqual([]);
  });
});
