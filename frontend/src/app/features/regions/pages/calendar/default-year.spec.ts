import { CALENDAR_YEARS, defaultYear } from './calendar.page';

describe('defaultYear', () => {
  it('picks this year when offered, otherwise the nearest', () => {
    expect(defaultYear(CALENDAR_YEARS, new Date(2026, 5, 1))).toBe(2026);
    expect(defaultYear(CALENDAR_YEARS, new Date(2024, 5, 1))).toBe(2025);
    expect(defaultYear(CALENDAR_YEARS, new Date(2030, 5, 1))).toBe(2027);
  });
});
