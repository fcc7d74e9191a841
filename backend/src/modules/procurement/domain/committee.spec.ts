import { committeeSizeProblem, conflictOf, drawAtRandom, minimumDrawnExperts } from './committee';

describe('bid committee rules', () => {
  it('needs an odd number, at least 5 for an open tender and 3 otherwise', () => {
    expect(committeeSizeProblem('OPEN_TENDER', 5)).toBeNull();
    expect(committeeSizeProblem('OPEN_TENDER', 3)).toMatch(/at least 5/);
    expect(committeeSizeProblem('OPEN_TENDER', 6)).toMatch(/odd/);
    expect(committeeSizeProblem('REQUEST_FOR_QUOTATION', 3)).toBeNull();
    expect(committeeSizeProblem('SINGLE_SOURCE', 1)).toMatch(/at least 3/);
  });

  it('draws at least two-thirds of the members from the pool', () => {
    expect(minimumDrawnExperts(3)).toBe(2);
    expect(minimumDrawnExperts(5)).toBe(4);
    expect(minimumDrawnExperts(7)).toBe(5);
  });

  it('excludes an expert affiliated with a bidder now or in the last 3 years, or with a declared relationship', () => {
    const today = '2026-11-23';
    expect(conflictOf([{ organisationId: 1, endedOn: null }], [], [1, 2], today)).toMatch(/现任/);
    expect(conflictOf([{ organisationId: 1, endedOn: '2023-11-23' }], [], [1], today)).toMatch(/3 年内/);
    expect(conflictOf([{ organisationId: 1, endedOn: '2023-11-22' }], [], [1], today)).toBeNull();
    expect(conflictOf([{ organisationId: 3, endedOn: null }], [], [1, 2], today)).toBeNull();
    expect(conflictOf([], [2], [1, 2], today)).toMatch(/利害关系/);
  });

  it('draws distinct members uniformly from the pool', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 3000; i++)
      for (const x of drawAtRandom([1, 2, 3, 4, 5, 6], 3)) counts.set(x, (counts.get(x) ?? 0) + 1);
    for (const n of counts.values()) expect(n).toBeGreaterThan(1300); // 1500 expected each
    const sample = drawAtRandom([1, 2, 3, 4, 5], 5);
    expect(new Set(sample).size).toBe(5);
    expect(() => drawAtRandom([1, 2], 3)).toThrow(RangeError);
  });
});
