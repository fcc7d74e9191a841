import { formatBasisPoints } from './rates';
import { BasisPointsPipe } from './rates.pipe';

describe('formatBasisPoints', () => {
  it('shows basis points as a percentage with two decimals, from the integer alone', () => {
    expect(formatBasisPoints(3333)).toBe('33.33%');
    expect(formatBasisPoints(10000)).toBe('100.00%');
    expect(formatBasisPoints(5)).toBe('0.05%');
    expect(formatBasisPoints(50)).toBe('0.50%');
    expect(formatBasisPoints(100)).toBe('1.00%');
    expect(formatBasisPoints(0)).toBe('0.00%');
    expect(formatBasisPoints(123456)).toBe('1234.56%');
  });

  it('takes the integer as text too, and keeps a sign', () => {
    expect(formatBasisPoints('0707')).toBe('7.07%');
    expect(formatBasisPoints(-25)).toBe('-0.25%');
    expect(formatBasisPoints(-0)).toBe('0.00%');
  });

  it('shows nothing for what is not an integer', () => {
    for (const bad of [null, undefined, '', 'abc', 12.5, Number.NaN, '1e3']) {
      expect({ bad, text: formatBasisPoints(bad as number) }).toEqual({ bad, text: '' });
    }
  });

  it('is what the bp pipe shows', () => {
    expect(new BasisPointsPipe().transform(3333)).toBe('33.33%');
  });
});
