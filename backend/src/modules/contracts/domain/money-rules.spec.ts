import {
  bpToPercent,
  changeOrderFits,
  equalSharesBp,
  finalTranche,
  lateInterestFen,
  maxShareFen,
  percentToBp,
  splitBySharesBp,
  withinShare,
} from './money-rules';

// Oracles computed by hand (issue #10, "What it must show").
describe('money rules (exact, integer fen)', () => {
  it('310,000.00 with a 30/40/30 schedule pays 93,000.00 and 124,000.00 and leaves a 93,000.00 final tranche', () => {
    const r = splitBySharesBp(31_000_000n, [3000, 4000, 3000]);
    expect(r).toEqual({ ok: true, tranchesFen: [9_300_000n, 12_400_000n, 9_300_000n] });
  });

  it('the final tranche for a score of 75 with a 15 % reduction pays 79,050.00 and releases 13,950.00', () => {
    expect(finalTranche(9_300_000n, 75, 1500)).toEqual({
      outcome: 'REDUCED',
      payFen: 7_905_000n,
      releaseFen: 1_395_000n,
    });
  });

  it('pays the final tranche in full from 80, withholds it below 60, with exact boundaries', () => {
    expect(finalTranche(9_300_000n, '80', 1500).outcome).toBe('FULL');
    expect(finalTranche(9_300_000n, '79.99', 1500).outcome).toBe('REDUCED');
    expect(finalTranche(9_300_000n, '60', 1500).outcome).toBe('REDUCED');
    expect(finalTranche(9_300_000n, '59.99', 1500)).toEqual({
      outcome: 'WITHHELD',
      payFen: 0n,
      releaseFen: 9_300_000n,
    });
    expect(() => finalTranche(1n, '101', 1500)).toThrow(RangeError);
  });

  it('rounds a reduction half-up to the fen and still pays + releases exactly the tranche', () => {
    // 0.05 × 15 % = 0.0075 yuan → 0.75 fen → 1 fen reduction
    expect(finalTranche(5n, 70, 1500)).toEqual({ outcome: 'REDUCED', payFen: 4n, releaseFen: 1n });
  });

  it('100,000.01 split in three equal shares sums to exactly 100,000.01', () => {
    const shares = equalSharesBp(3);
    expect(shares).toEqual([3333, 3333, 3334]);
    const r = splitBySharesBp(10_000_001n, shares);
    if (!r.ok) throw new Error(r.problem);
    expect(r.tranchesFen).toEqual([3_333_000n, 3_333_000n, 3_334_001n]);
    expect(r.tranchesFen.reduce((a, b) => a + b, 0n)).toBe(10_000_001n);
  });

  it('refuses schedules whose shares do not make exactly 100 %', () => {
    expect(splitBySharesBp(100n, [5000, 4999])).toEqual({ ok: false, problem: 'SHARES_NOT_WHOLE' });
    expect(splitBySharesBp(100n, [10_000, 0])).toEqual({ ok: false, problem: 'SHARE_NOT_POSITIVE' });
    expect(splitBySharesBp(100n, [])).toEqual({ ok: false, problem: 'NO_TRANCHES' });
    expect(splitBySharesBp(0n, [10_000])).toEqual({ ok: false, problem: 'AMOUNT_NOT_POSITIVE' });
  });

  it('cumulative change orders at exactly 10.00 % pass and one fen more is refused', () => {
    expect(changeOrderFits(31_000_000n, 0n, 3_100_000n)).toBe(true);
    expect(changeOrderFits(31_000_000n, 0n, 3_100_001n)).toBe(false);
    expect(changeOrderFits(31_000_000n, 2_000_000n, 1_100_000n)).toBe(true);
    expect(changeOrderFits(31_000_000n, 2_000_000n, 1_100_001n)).toBe(false);
    // an original that 10 % does not divide: 10 % of 100,000.01 is 10,000.001 — 10,000.00 fits, 10,000.01 does not
    expect(changeOrderFits(10_000_001n, 0n, 1_000_000n)).toBe(true);
    expect(changeOrderFits(10_000_001n, 0n, 1_000_001n)).toBe(false);
    expect(changeOrderFits(31_000_000n, 0n, 0n)).toBe(false);
  });

  it('caps deposits at 2 % and bonds at 10 %, exactly', () => {
    expect(withinShare(20_000n, 1_000_000n, 200)).toBe(true);
    expect(withinShare(20_001n, 1_000_000n, 200)).toBe(false);
    expect(maxShareFen(10_000_001n, 1000)).toBe(1_000_000n);
  });

  it('computes late interest as simple interest, half-up to the fen', () => {
    // 93,000.00 × 3.65 % × 10 / 365 = 93.00
    expect(lateInterestFen(9_300_000n, 10, 365)).toBe(9_300n);
    // 1,000.00 × 4.35 % × 7 / 365 = 0.834246… → 0.83
    expect(lateInterestFen(100_000n, 7, 435)).toBe(83n);
    // 1,000.00 × 4.35 % × 9 / 365 = 1.072602… → 1.07
    expect(lateInterestFen(100_000n, 9, 435)).toBe(107n);
    expect(lateInterestFen(100_000n, 0, 435)).toBe(0n);
  });

  it('reads and writes percentages with two decimals as basis points', () => {
    expect(percentToBp('30')).toBe(3000);
    expect(percentToBp('33.33')).toBe(3333);
    expect(percentToBp('0.5')).toBe(50);
    expect(percentToBp('100.01')).toBeNull();
    expect(percentToBp('1e2')).toBeNull();
    expect(bpToPercent(3334)).toBe('33.34');
    expect(bpToPercent(50)).toBe('0.50');
  });
});
