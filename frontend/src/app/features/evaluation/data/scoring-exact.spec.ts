import { add, cmp, frac, parseDecimal, parseRatio, sum, toFixedHalfUp, toRatio } from './scoring-exact';

describe('exact scores on the page (a port of the backend’s fractions)', () => {
  it('adds the oracle exactly: 13 + 21 + 13.5 + 8 + 7.5 + 8 + 1395/106 = 84.160377… → "84.16"', () => {
    const parts = ['13', '21', '13.5', '8', '7.5', '8'].map((t) => parseDecimal(t)!);
    const total = sum([...parts, parseRatio('1395/106')!]);
    expect(toFixedHalfUp(total, 6)).toBe('84.160377');
    expect(toFixedHalfUp(total)).toBe('84.16');
    // the float way would not be trusted: 0.1 + 0.2 is exactly 0.3 here
    expect(toRatio(add(parseDecimal('0.1')!, parseDecimal('0.2')!))).toBe('3/10');
  });

  it('rounds half-up on the exact value (89.995 shows 90.00)', () => {
    expect(toFixedHalfUp(frac(89995n, 1000n))).toBe('90.00');
    expect(toFixedHalfUp(frac(899949n, 10000n))).toBe('89.99');
  });

  it('reads only decimals of at most 2 places and "n/d" ratios', () => {
    expect(parseDecimal('4.75')).toEqual(frac(19n, 4n));
    expect(parseDecimal(' 5 ')).toEqual(frac(5n));
    for (const bad of ['4.755', '-1', '1e1', '', 'abc', '.5']) expect(parseDecimal(bad)).toBeNull();
    expect(parseRatio('27/2')).toEqual(frac(27n, 2n));
    expect(parseRatio('1/0')).toBeNull();
    expect(parseRatio('1.5/2')).toBeNull();
    expect(cmp(parseDecimal('5.01')!, parseDecimal('5')!)).toBe(1);
  });
});
