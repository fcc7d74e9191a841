import {
  applyMove,
  averageScore,
  beijingYearRange,
  bpText,
  categoryGroup,
  classifyMilestone,
  hundredths,
  inCategory,
  ratioBp,
  ZERO_EXECUTION,
} from './reporting-rules';

describe('reporting rules', () => {
  it('classes a milestone against its due time (24:00 Beijing) and the database clock', () => {
    const dueAt = new Date('2026-03-31T16:00:00Z');
    const now = new Date('2026-06-01T00:00:00Z');
    const at = (iso: string) => new Date(iso);
    expect(classifyMilestone({ status: 'ACCEPTED', dueAt, acceptedAt: at('2026-03-31T16:00:00Z') }, now)).toBe(
      'onTime',
    );
    expect(classifyMilestone({ status: 'ACCEPTED', dueAt, acceptedAt: at('2026-03-31T16:00:00.001Z') }, now)).toBe(
      'late',
    );
    expect(classifyMilestone({ status: 'SUBMITTED', dueAt, acceptedAt: null }, now)).toBe('overdue');
    expect(classifyMilestone({ status: 'PENDING', dueAt, acceptedAt: null }, at('2026-03-31T16:00:00Z'))).toBe('open');
  });

  it('divides exactly in basis points, rounding down, and says nothing for nothing', () => {
    expect(ratioBp(5, 7)).toBe(7142);
    expect(ratioBp(2n, 3n)).toBe(6666);
    expect(ratioBp(0, 0)).toBeNull();
    expect(ratioBp(11_000_000n, 120_000_000n)).toBe(916);
    // beyond 2^53 fen the ratio is still exact
    expect(ratioBp(9_007_199_254_740_993n, 9_007_199_254_740_993n * 3n)).toBe(3333);
    expect(bpText(916)).toBe('9.16%');
    expect(bpText(10000)).toBe('100.00%');
    expect(bpText(5)).toBe('0.05%');
    expect(bpText(null)).toBe('—');
  });

  it('turns ledger moves into allocated, reserved, committed (outstanding + paid) and paid', () => {
    let e = { ...ZERO_EXECUTION };
    e = applyMove(e, 'SOURCE', 'AVAILABLE', 100_000n);
    e = applyMove(e, 'AVAILABLE', 'RESERVED', 30_000n);
    e = applyMove(e, 'RESERVED', 'COMMITTED', 25_000n);
    e = applyMove(e, 'RESERVED', 'AVAILABLE', 5_000n);
    e = applyMove(e, 'COMMITTED', 'PAID', 10_000n);
    e = applyMove(e, 'PAID', 'COMMITTED', 4_000n); // a reversed payment
    e = applyMove(e, 'COMMITTED', 'AVAILABLE', 1_000n); // a released commitment
    expect(e).toEqual({ allocated: 100_000n, reserved: 0n, committed: 24_000n, paid: 6_000n });
    expect(applyMove(e, 'AVAILABLE', 'SOURCE', 50_000n).allocated).toBe(50_000n);
  });

  it('averages two-place scores exactly, half up', () => {
    expect(averageScore(hundredths('72.25') + hundredths('85.50'), 2)).toBe('78.88');
    expect(averageScore(30475n, 4)).toBe('76.19');
    expect(averageScore(0n, 0)).toBeNull();
    expect(hundredths('7')).toBe(700n);
    expect(hundredths('84.1')).toBe(8410n);
    expect(() => hundredths('1e3')).toThrow(RangeError);
  });

  it('nests categories by code prefix and groups them one level below the filter', () => {
    expect(inCategory('A0101', 'A01')).toBe(true);
    expect(inCategory('B01', 'A')).toBe(false);
    expect(inCategory(null, 'A')).toBe(false);
    expect(inCategory(null, null)).toBe(true);
    expect(categoryGroup('A01', ['A', 'B'])).toBe('A');
    expect(categoryGroup('A', ['A01', 'A02'])).toBe('A');
    expect(categoryGroup('A02', ['A01', 'A02'])).toBe('A02');
    expect(categoryGroup(null, ['A'])).toBeNull();
  });

  it('spans a Beijing calendar year in UTC', () => {
    expect(beijingYearRange(2033)).toEqual({
      start: new Date('2032-12-31T16:00:00Z'),
      end: new Date('2033-12-31T16:00:00Z'),
    });
  });
});
