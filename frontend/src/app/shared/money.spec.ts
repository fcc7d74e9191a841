import { FormControl } from '@angular/forms';

import {
  fenToMoney,
  formatMoney,
  isPositiveMoney,
  moneyToFen,
  nonZeroSignedMoney,
  parseMoney,
  parseSignedMoney,
  positiveMoney,
} from './money';
import { MoneyPipe } from './money.pipe';

describe('parseMoney', () => {
  it('normalises amounts to two decimals, exactly', () => {
    expect(parseMoney('12.5')).toBe('12.50');
    expect(parseMoney('12')).toBe('12.00');
    expect(parseMoney(' 35.00 ')).toBe('35.00');
    expect(parseMoney('0.1')).toBe('0.10');
    expect(parseMoney('007.05')).toBe('7.05');
    expect(parseMoney('¥1,234.5')).toBe('1234.50');
    expect(parseMoney('9999999999999.99')).toBe('9999999999999.99');
  });

  it('keeps every digit (no float rounding) and refuses amounts too large for the API', () => {
    expect(parseMoney('1234567890123.45')).toBe('1234567890123.45');
    expect(parseMoney('0.30')).toBe('0.30');
    expect(parseMoney('9007199254740993')).toBeNull();
  });

  it('rejects more than two decimals and anything that is not a plain amount', () => {
    for (const bad of ['1.234', '1.', '.5', '-3', '1e3', 'abc', '', ' ', '1,23', '12.3.4', '0x10', 'NaN', '１２']) {
      expect({ bad, parsed: parseMoney(bad) }).toEqual({ bad, parsed: null });
    }
    expect(parseMoney(null)).toBeNull();
    expect(parseMoney(undefined)).toBeNull();
  });
});

describe('formatMoney', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(formatMoney('12345.67')).toBe('¥12,345.67');
    expect(formatMoney('12.5')).toBe('¥12.50');
    expect(formatMoney('1000000')).toBe('¥1,000,000.00');
    expect(formatMoney('0.00')).toBe('¥0.00');
    expect(formatMoney('35.00', { symbol: false })).toBe('35.00');
  });

  it('shows negative amounts and passes through what is not an amount', () => {
    expect(formatMoney('-1234.5')).toBe('-¥1,234.50');
    expect(formatMoney('-0.00')).toBe('¥0.00');
    expect(formatMoney('n/a')).toBe('n/a');
    expect(formatMoney(null)).toBe('');
  });

  it('is what the money pipe shows', () => {
    expect(new MoneyPipe().transform('35')).toBe('¥35.00');
    expect(new MoneyPipe().transform('35', false)).toBe('35.00');
  });
});

describe('positiveMoney', () => {
  it('accepts amounts above zero and leaves empty values to required', () => {
    const check = (value: string | null) => positiveMoney(new FormControl(value));
    expect(check('35.5')).toBeNull();
    expect(check('')).toBeNull();
    expect(check(null)).toBeNull();
    expect(check('0')).toEqual({ money: true });
    expect(check('0.00')).toEqual({ money: true });
    expect(check('1.234')).toEqual({ money: true });
    expect(isPositiveMoney('0.01')).toBe(true);
    expect(isPositiveMoney('-1.00')).toBe(false);
  });
});

describe('parseSignedMoney', () => {
  it('takes a leading minus, and otherwise reads like parseMoney', () => {
    expect(parseSignedMoney('-50000')).toBe('-50000.00');
    expect(parseSignedMoney('-0.5')).toBe('-0.50');
    expect(parseSignedMoney('12.5')).toBe('12.50');
    expect(parseSignedMoney('-¥1,234.5')).toBeNull();
    expect(parseSignedMoney('-0')).toBe('0.00');
    expect(parseSignedMoney('--1')).toBeNull();
    expect(parseSignedMoney('-1.234')).toBeNull();
    expect(parseSignedMoney(null)).toBeNull();
  });

  it('validates adjustments: empty is left to required, zero is refused', () => {
    const check = (value: string | null) => nonZeroSignedMoney(new FormControl(value));
    expect(check('-50000.00')).toBeNull();
    expect(check('0.01')).toBeNull();
    expect(check('')).toBeNull();
    expect(check('0')).toEqual({ money: true });
    expect(check('-0.00')).toEqual({ money: true });
    expect(check('1.001')).toEqual({ money: true });
  });
});

describe('moneyToFen and fenToMoney', () => {
  it('move the decimal point by moving digits, exactly', () => {
    expect(moneyToFen('1234.50')).toBe('123450');
    expect(moneyToFen('0.05')).toBe('5');
    expect(moneyToFen('0.00')).toBe('0');
    expect(moneyToFen('-0.50')).toBe('-50');
    expect(moneyToFen('88888.88')).toBe('8888888');
    expect(moneyToFen('9999999999999.99')).toBe('999999999999999');
    expect(moneyToFen('n/a')).toBeNull();
    expect(moneyToFen(null)).toBeNull();
  });

  it('and back', () => {
    expect(fenToMoney('123450')).toBe('1234.50');
    expect(fenToMoney('5')).toBe('0.05');
    expect(fenToMoney(0)).toBe('0.00');
    expect(fenToMoney('-50')).toBe('-0.50');
    expect(fenToMoney('-0')).toBe('0.00');
    expect(fenToMoney(8888888)).toBe('88888.88');
    expect(fenToMoney('007')).toBe('0.07');
    expect(fenToMoney(1.5)).toBeNull();
    expect(fenToMoney('1.5')).toBeNull();
    expect(fenToMoney(undefined)).toBeNull();
    for (const m of ['0.01', '0.10', '1.00', '120000000.00', '-3.07']) expect(fenToMoney(moneyToFen(m))).toBe(m);
  });
});
