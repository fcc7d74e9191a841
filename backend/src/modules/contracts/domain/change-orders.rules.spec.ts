import { changeCap, changeMilestoneShareBp, terminationReleaseFen } from './change-orders.rules';
import { changeOrderFits } from './money-rules';

describe('change orders: the 10 % cap, exactly', () => {
  const original = 31_000_000n; // 310,000.00 yuan

  it('lets change orders reach exactly 10.00 % and refuses one fen more', () => {
    expect(changeOrderFits(original, 0n, 3_100_000n)).toBe(true); // 31,000.00 in one
    expect(changeOrderFits(original, 0n, 3_100_001n)).toBe(false);
    // cumulative: 20,000.00 approved, 11,000.00 more is exactly the cap, 11,000.01 is over it
    expect(changeOrderFits(original, 2_000_000n, 1_100_000n)).toBe(true);
    expect(changeOrderFits(original, 2_000_000n, 1_100_001n)).toBe(false);
    expect(changeOrderFits(original, 3_100_000n, 1n)).toBe(false);
  });

  it('compares exactly where 10 % is not a whole fen', () => {
    // 100,000.01 yuan: 10 % is 10,000.001 — 10,000.00 fits, 10,000.01 does not
    expect(changeOrderFits(10_000_001n, 0n, 1_000_000n)).toBe(true);
    expect(changeOrderFits(10_000_001n, 0n, 1_000_001n)).toBe(false);
  });

  it('refuses nothing-or-less', () => {
    expect(changeOrderFits(original, 0n, 0n)).toBe(false);
    expect(changeOrderFits(original, 0n, -1n)).toBe(false);
  });

  it('reports the cap, what is left and the percentage used', () => {
    expect(changeCap(original, 2_000_000n)).toEqual({
      originalFen: original,
      approvedFen: 2_000_000n,
      capFen: 3_100_000n,
      remainingFen: 1_100_000n,
      usedPercent: '6.45', // 20,000 / 310,000 = 6.4516…, rounded down
    });
    expect(changeCap(original, 3_100_000n)).toMatchObject({ remainingFen: 0n, usedPercent: '10.00' });
    expect(changeCap(10_000_001n, 0n)).toMatchObject({ capFen: 1_000_000n, usedPercent: '0.00' });
  });

  it('writes the new milestone’s share of the original amount, half-up, at least 1 bp', () => {
    expect(changeMilestoneShareBp(3_100_000n, original)).toBe(1000);
    expect(changeMilestoneShareBp(1n, original)).toBe(1);
    expect(changeMilestoneShareBp(1_550n, original)).toBe(1); // 0.5 bp rounds up
  });
});

describe('termination: what goes back to the budget line', () => {
  it('releases what is committed and neither paid, released nor owed on an approved request', () => {
    // 310,000.00 signed + 31,000.00 change order; 93,000.00 paid; 124,000.00 approved and not yet paid
    const sums = { committedFen: 34_100_000n, releasedFen: 0n, paidFen: 9_300_000n };
    expect(terminationReleaseFen(sums, 12_400_000n)).toBe(12_400_000n); // 124,000.00
    expect(terminationReleaseFen(sums, 0n)).toBe(24_800_000n);
  });

  it('takes an earlier release into account and never goes below zero', () => {
    expect(terminationReleaseFen({ committedFen: 1_000n, releasedFen: 300n, paidFen: 700n }, 0n)).toBe(0n);
    expect(terminationReleaseFen({ committedFen: 1_000n, releasedFen: 300n, paidFen: 600n }, 0n)).toBe(100n);
    expect(terminationReleaseFen({ committedFen: 0n, releasedFen: 0n, paidFen: 0n }, 0n)).toBe(0n);
  });
});
