import { meanScore, percent, ratio, scoreCents } from './figures';

describe('portal figures', () => {
  it('rounds half-up, exactly', () => {
    expect(percent(186n, 212n)).toBe('87.74'); // 87.735849…
    expect(percent(1n, 8n)).toBe('12.50');
    expect(percent(1n, 200n)).toBe('0.50');
    expect(percent(1n, 3n)).toBe('33.33');
    expect(percent(2n, 3n)).toBe('66.67');
    expect(percent(5n, 5n)).toBe('100.00');
    expect(ratio(1n, 2n, 0)).toBe('1');
    expect(ratio(5n, 1000n, 2)).toBe('0.01'); // 0.005 → 0.01
  });

  it('has no ratio of nothing', () => {
    expect(percent(0n, 0n)).toBeNull();
    expect(meanScore(0n, 0n)).toBeNull();
  });

  it('averages scores given to the hundredth', () => {
    expect(meanScore(scoreCents('84.16') + scoreCents('90') + scoreCents('55.5'), 3n)).toBe('76.55'); // 229.66 / 3 = 76.5533…
    expect(meanScore(scoreCents('84.15') + scoreCents('84.16'), 2n)).toBe('84.16'); // 84.155 → 84.16
    expect(scoreCents('7.5')).toBe(750n);
    expect(() => scoreCents('-1')).toThrow(RangeError);
  });
});
