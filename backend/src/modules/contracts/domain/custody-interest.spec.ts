import { lateReturnInterestFen } from '../../funds';
import { lateInterestFen } from './money-rules';

/** The custody ledger (funds) keeps its own copy of the late-interest rule: it must agree with this one. */
describe('late interest on deposits and bonds agrees with lateInterestFen', () => {
  it.each([
    [1n, 1, 1],
    [200_00n, 3, 365],
    [2_000_00n, 10, 435],
    [99_999_99n, 17, 435],
    [12_345n, 365, 10_000],
    [5n, 73, 500],
    [200_00n, 0, 365],
  ] as const)('%s fen, %s days, %s bp', (p, d, r) => {
    expect(lateReturnInterestFen(p, d, r)).toBe(lateInterestFen(p, d, r));
  });
});
