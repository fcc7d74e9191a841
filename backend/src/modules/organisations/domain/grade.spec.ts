import { effectiveGrade, gradeLabel, gradeValid } from './grade';

describe('evaluation grade with expiry', () => {
  it('counts through the last day of validity and not after', () => {
    expect(gradeValid(4, '2028-12-31', '2028-12-31')).toBe(true);
    expect(gradeValid(4, '2028-12-31', '2029-01-01')).toBe(false);
    expect(effectiveGrade(4, '2028-12-31', '2029-01-01')).toBeNull();
    expect(effectiveGrade(4, '2028-12-31', '2026-11-23')).toBe(4);
  });

  it('has no grade without one, and an undated grade stays valid', () => {
    expect(gradeValid(null, null, '2026-11-23')).toBe(false);
    expect(gradeValid(3, null, '2030-01-01')).toBe(true);
  });

  it('is written 1A to 5A', () => {
    expect([1, 5, null].map(gradeLabel)).toEqual(['1A', '5A', null]);
  });
});
