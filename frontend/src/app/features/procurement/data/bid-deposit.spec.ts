import { bidDepositProblem, maxBidDepositFen } from './tender-rules';

describe('bid deposit (投标保证金) on the tender wizard', () => {
  it('is optional', () => {
    expect(bidDepositProblem('', '10000.00')).toBeNull();
    expect(bidDepositProblem('  ', '10000.00')).toBeNull();
  });

  it('is at most 2 % of the project budget, compared exactly', () => {
    expect(bidDepositProblem('200.00', '10000.00')).toBeNull();
    expect(bidDepositProblem('200', '10000.00')).toBeNull();
    expect(bidDepositProblem('200.01', '10000.00')).toBe('aboveCap');
    expect(bidDepositProblem('0', '10000.00')).toBe('invalid');
    expect(bidDepositProblem('abc', '10000.00')).toBe('invalid');
    expect(maxBidDepositFen('10000.00')).toBe('20000');
    expect(maxBidDepositFen('100000.01')).toBe('200000'); // 2,000.0002 rounds down
  });
});
