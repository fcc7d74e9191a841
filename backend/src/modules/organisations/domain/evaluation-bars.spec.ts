import { addMonths, barCovers, districtPathOf } from './evaluation-bars';

describe('bars from bidding after a failed evaluation', () => {
  it('last until the same day of the month, months later', () => {
    expect(addMonths('2026-12-11', 12)).toBe('2027-12-11');
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 0)).toBe('2026-01-31');
  });

  it('refuse a date that does not exist and a negative period', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-02-01', -1)).toThrow(RangeError);
  });

  it('cover the tenders of the barred region and its subtree only', () => {
    expect(barCovers('/1/12/', '/1/12/')).toBe(true);
    expect(barCovers('/1/12/', '/1/12/120/1201/')).toBe(true);
    expect(barCovers('/1/12/', '/1/13/')).toBe(false);
    // a city-wide tender is not "in" the district
    expect(barCovers('/1/12/', '/1/')).toBe(false);
    // a prefix of digits is not a subtree
    expect(barCovers('/1/12/', '/1/123/')).toBe(false);
  });

  it('bar the district of the evaluated contract’s region', () => {
    const levels: Record<number, string> = { 1: 'CITY', 12: 'DISTRICT', 120: 'STREET', 1201: 'COMMUNITY' };
    const levelOf = (id: number) => levels[id];
    expect(districtPathOf('/1/12/120/1201/', levelOf)).toBe('/1/12/');
    expect(districtPathOf('/1/12/', levelOf)).toBe('/1/12/');
    // a city-level contract: the city
    expect(districtPathOf('/1/', levelOf)).toBe('/1/');
  });
});
