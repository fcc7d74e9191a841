import { apportionEqually, communityShare } from './apportion';

describe('apportioning a payment among a project’s needs', () => {
  it('splits equally, the fen left over to the lowest need ids, adding up exactly', () => {
    const parts = apportionEqually(100n, [30, 10, 20]);
    expect([...parts.entries()]).toEqual([
      [10, 34n],
      [20, 33n],
      [30, 33n],
    ]);
    expect([...parts.values()].reduce((a, b) => a + b, 0n)).toBe(100n);
    expect([...apportionEqually(1_234_567n, [5, 6]).values()]).toEqual([617_284n, 617_283n]);
  });

  it('gives nothing when the project answers no need, and counts a need once', () => {
    expect(apportionEqually(100n, []).size).toBe(0);
    expect([...apportionEqually(10n, [7, 7]).values()]).toEqual([10n]);
  });

  it('sums the parts of one community', () => {
    const needs = [
      { needId: 1, communityId: 100 },
      { needId: 2, communityId: 100 },
      { needId: 3, communityId: 200 },
    ];
    expect(communityShare(1000n, needs, 100)).toBe(667n); // 334 + 333
    expect(communityShare(1000n, needs, 200)).toBe(333n);
    expect(communityShare(1000n, needs, 300)).toBe(0n);
  });
});
