import { fenToYuan, yuanToFen } from './money';

describe('money', () => {
  it('converts yuan strings to fen exactly', () => {
    expect(yuanToFen('12345.67')).toBe(1234567n);
    expect(yuanToFen('0.1')).toBe(10n);
    expect(yuanToFen('35')).toBe(3500n);
    expect(yuanToFen('99999999999999.99')).toBe(9999999999999999n);
  });

  it('rejects more than two decimals, signs, exponents and leading zeros', () => {
    for (const bad of ['1.234', '-1', '1e3', '01.00', '', '.5', '1.']) expect(() => yuanToFen(bad)).toThrow(RangeError);
  });

  it('formats fen as yuan with two decimals', () => {
    expect(fenToYuan(1234567n)).toBe('12345.67');
    expect(fenToYuan('5')).toBe('0.05');
    expect(fenToYuan(-150)).toBe('-1.50');
    expect(fenToYuan('9007199254740993')).toBe('90071992547409.93');
  });

  it('round-trips where 0.1 + 0.2 would not', () => {
    expect(fenToYuan(yuanToFen('0.10') + yuanToFen('0.20'))).toBe('0.30');
  });
});
