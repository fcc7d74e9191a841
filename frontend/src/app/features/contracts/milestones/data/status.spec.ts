import { plainDecimal, sharePercent } from './status';

describe('milestone figures as text', () => {
  it('writes shares and stored decimals without floats', () => {
    expect(sharePercent(3000)).toBe('30');
    expect(sharePercent(3333)).toBe('33.33');
    expect(sharePercent(3310)).toBe('33.1');
    expect(plainDecimal('2400.0000')).toBe('2400');
    expect(plainDecimal('2400.5000')).toBe('2400.5');
    expect(plainDecimal('100')).toBe('100');
  });
});
