import {
  addYears,
  blacklistWindow,
  lastBlacklistedDay,
  outsideBlacklistWindow,
  shanghaiDate,
} from './blacklist-period';

describe('blacklist period in the dialog', () => {
  it('offers a last day from one to three years ahead', () => {
    expect(blacklistWindow('2026-11-23')).toEqual({ earliest: '2027-11-23', latest: '2029-11-23' });
    expect(outsideBlacklistWindow('2027-11-22', '2026-11-23')).toBe(true);
    expect(outsideBlacklistWindow('2027-11-23', '2026-11-23')).toBe(false);
    expect(outsideBlacklistWindow('2029-11-24', '2026-11-23')).toBe(true);
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('names the last day of a blacklisting that ends at 24:00 Beijing time', () => {
    expect(lastBlacklistedDay('2028-06-30T16:00:00.000Z')).toBe('2028-06-30');
    expect(shanghaiDate(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24');
  });
});
