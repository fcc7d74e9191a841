import { addYears, blacklistWindow, checkBlacklistUntil } from './blacklist-period';

describe('blacklisting lasts 1 to 3 years', () => {
  const today = '2026-11-23';

  it('accepts a last day from one year to three years ahead, both ends included', () => {
    expect(blacklistWindow(today)).toEqual({ earliest: '2027-11-23', latest: '2029-11-23' });
    expect(checkBlacklistUntil('2027-11-23', today)).toBeNull();
    expect(checkBlacklistUntil('2028-06-30', today)).toBeNull();
    expect(checkBlacklistUntil('2029-11-23', today)).toBeNull();
  });

  it('refuses less than a year and more than three', () => {
    expect(checkBlacklistUntil('2027-11-22', today)).toBe('TOO_SHORT');
    expect(checkBlacklistUntil('2026-12-31', today)).toBe('TOO_SHORT');
    expect(checkBlacklistUntil('2029-11-24', today)).toBe('TOO_LONG');
  });

  it('refuses what is not a calendar date', () => {
    expect(checkBlacklistUntil('2027-02-30', today)).toBe('NOT_A_DATE');
    expect(checkBlacklistUntil('next year', today)).toBe('NOT_A_DATE');
  });

  it('counts a year from 29 February to 28 February', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(blacklistWindow('2028-02-29')).toEqual({ earliest: '2029-02-28', latest: '2031-02-28' });
  });

  it('follows the deployment policy', () => {
    expect(checkBlacklistUntil('2031-11-23', today, { minYears: 2, maxYears: 5 })).toBeNull();
    expect(checkBlacklistUntil('2028-11-22', today, { minYears: 2, maxYears: 5 })).toBe('TOO_SHORT');
  });
});
