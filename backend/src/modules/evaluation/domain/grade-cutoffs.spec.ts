import { applicableCutoff, cutoffProblems, CutoffRow, DEFAULT_CUTOFFS, gradeByCutoffs, pathIds } from './grade-cutoffs';

const row = (id: number, regionPath: string, effectiveFrom: string, min5: string, extra = {}): CutoffRow => ({
  id,
  regionId: pathIds(regionPath).at(-1)!,
  regionPath,
  effectiveFrom,
  ...DEFAULT_CUTOFFS,
  min5,
  ...extra,
});

describe('grade cut-offs (等级分数线)', () => {
  it('grades by the lines: 5A ≥ 900, 4A ≥ 800, 3A ≥ 700, 2A ≥ 600, 1A ≥ 500, below 500 no grade', () => {
    expect(gradeByCutoffs('1000', DEFAULT_CUTOFFS)).toBe(5);
    expect(gradeByCutoffs('900', DEFAULT_CUTOFFS)).toBe(5);
    expect(gradeByCutoffs('899.99', DEFAULT_CUTOFFS)).toBe(4);
    expect(gradeByCutoffs('800', DEFAULT_CUTOFFS)).toBe(4);
    expect(gradeByCutoffs('700.00', DEFAULT_CUTOFFS)).toBe(3);
    expect(gradeByCutoffs('600', DEFAULT_CUTOFFS)).toBe(2);
    expect(gradeByCutoffs('500', DEFAULT_CUTOFFS)).toBe(1);
    expect(gradeByCutoffs('499.99', DEFAULT_CUTOFFS)).toBeNull();
    expect(gradeByCutoffs('0', DEFAULT_CUTOFFS)).toBeNull();
  });

  it('two regions may draw different lines: 905 points is 5A where 5A ≥ 900 and 4A where 5A ≥ 950 (issue #11)', () => {
    expect(gradeByCutoffs('905', { ...DEFAULT_CUTOFFS, min5: '900' })).toBe(5);
    expect(gradeByCutoffs('905', { ...DEFAULT_CUTOFFS, min4: '901', min5: '950' })).toBe(4);
  });

  it('refuses lines that do not ascend strictly, are not numbers, or lie outside 0–1000', () => {
    expect(cutoffProblems(DEFAULT_CUTOFFS)).toEqual([]);
    expect(cutoffProblems({ ...DEFAULT_CUTOFFS, min4: '900' }).map((p) => p.field)).toEqual(['min5']);
    expect(cutoffProblems({ ...DEFAULT_CUTOFFS, min2: '450' }).map((p) => p.field)).toEqual(['min2']);
    expect(cutoffProblems({ ...DEFAULT_CUTOFFS, min1: '0' }).map((p) => p.field)).toEqual(['min1']);
    expect(cutoffProblems({ ...DEFAULT_CUTOFFS, min5: '1000.01' }).map((p) => p.field)).toEqual(['min5']);
    expect(cutoffProblems({ ...DEFAULT_CUTOFFS, min3: '7e2' }).map((p) => p.field)).toEqual(['min3']);
    expect(cutoffProblems({ ...DEFAULT_CUTOFFS, min3: '700.555' }).map((p) => p.field)).toEqual(['min3']);
    expect(cutoffProblems({ min1: '500', min2: '600', min3: '700', min4: '800', min5: '1000' })).toEqual([]);
  });

  describe('which region’s line applies: the nearest region that draws one, in force that day', () => {
    const city = '/1/';
    const gulou = '/1/2/';
    const xuanwu = '/1/3/';
    const street = '/1/2/7/';
    const rows = [row(1, city, '2020-01-01', '900'), row(2, xuanwu, '2026-01-01', '950', { min4: '901' })];

    it('a district without lines of its own inherits the city’s; one with its own uses them', () => {
      expect(applicableCutoff(rows, gulou, '2026-06-01')?.id).toBe(1);
      expect(applicableCutoff(rows, street, '2026-06-01')?.id).toBe(1);
      expect(applicableCutoff(rows, xuanwu, '2026-06-01')?.id).toBe(2);
      expect(applicableCutoff(rows, '/1/3/9/', '2026-06-01')?.id).toBe(2);
    });

    it('lines apply from their effective day on; before it the previous ones', () => {
      expect(applicableCutoff(rows, xuanwu, '2025-12-31')?.id).toBe(1);
      const later = [...rows, row(3, xuanwu, '2027-01-01', '960')];
      expect(applicableCutoff(later, xuanwu, '2026-12-31')?.id).toBe(2);
      expect(applicableCutoff(later, xuanwu, '2027-01-01')?.id).toBe(3);
    });

    it('a correction made for the same day wins (the newest row); history stays', () => {
      const corrected = [...rows, row(4, xuanwu, '2026-01-01', '940')];
      expect(applicableCutoff(corrected, xuanwu, '2026-06-01')?.id).toBe(4);
    });

    it('no region above draws lines: none applies', () => {
      expect(applicableCutoff(rows, '/9/', '2026-06-01')).toBeNull();
      expect(applicableCutoff([], gulou, '2026-06-01')).toBeNull();
      // a prefix of the digits is not an ancestor (/1/2/ is not above /1/23/)
      expect(applicableCutoff([row(5, '/1/2/', '2020-01-01', '900')], '/1/23/', '2026-06-01')).toBeNull();
    });
  });
});
