import { cny, fenToAmount, fenToDecimal } from './ocds-amounts';

describe('OCDS amounts from integer fen', () => {
  it.each([
    [0n, '0.00', '0'],
    [5n, '0.05', '0.05'],
    [1234567n, '12345.67', '12345.67'],
    [1000000n, '10000.00', '10000'],
    [12_345_679n, '123456.79', '123456.79'],
    [-5n, '-0.05', '-0.05'],
    [999_999_999_999_999n, '9999999999999.99', '9999999999999.99'],
  ])('%s fen is %s yuan and prints as %s in JSON', (fen, decimal, json) => {
    expect(fenToDecimal(fen)).toBe(decimal);
    expect(JSON.stringify(fenToAmount(fen))).toBe(json);
  });

  it('every fen amount up to a million yuan prints as its own decimal (no float drift)', () => {
    for (let f = 0n; f < 100_000_000n; f += 9_973n) {
      const printed = JSON.stringify(fenToAmount(f));
      const back = printed.includes('.') ? printed : `${printed}.00`;
      const [y, c = ''] = back.split('.');
      expect(BigInt(y) * 100n + BigInt(c.padEnd(2, '0'))).toBe(f);
    }
  });

  it('accepts the strings mysql2 returns for BIGINT columns', () => {
    expect(cny('987654')).toEqual({ amount: 9876.54, currency: 'CNY' });
  });

  it('refuses amounts a JSON number cannot carry exactly', () => {
    expect(() => fenToAmount(10n ** 15n)).toThrow(RangeError);
  });
});
