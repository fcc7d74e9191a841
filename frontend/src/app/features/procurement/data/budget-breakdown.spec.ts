import { budgetTotal, checkBudget, estimateOf, fitsAvailable, remainder, unitPriceWithinCap } from './budget-breakdown';

describe('the project estimate', () => {
  it('is quantity × unit price, in exact fen', () => {
    expect(estimateOf(9600, '12.50')).toBe('120000.00');
    expect(estimateOf(3, '0.1')).toBe('0.30');
    expect(estimateOf(7, '33.33')).toBe('233.31');
    expect(estimateOf(100_000_000, '99999.99')).toBe('9999999000000.00');
  });

  it('is unknown while quantity or price is missing or invalid', () => {
    expect(estimateOf(null, '12.50')).toBeNull();
    expect(estimateOf(0, '12.50')).toBeNull();
    expect(estimateOf(1.5, '12.50')).toBeNull();
    expect(estimateOf(10, '')).toBeNull();
    expect(estimateOf(10, '1.234')).toBeNull();
  });

  it('keeps the unit price within the catalogue item’s cap', () => {
    expect(unitPriceWithinCap('12.50', '12.50')).toBe(true);
    expect(unitPriceWithinCap('12.51', '12.50')).toBe(false);
    expect(unitPriceWithinCap('0', '12.50')).toBe(false);
    expect(unitPriceWithinCap('12.51', null)).toBe(true);
  });
});

describe('the budget breakdown', () => {
  const rows = (...amounts: string[]) => amounts.map((amount) => ({ amount }));

  it('adds up exactly to the estimate', () => {
    expect(checkBudget(rows('60000', '40000.00', '20000.00'), '120000.00')).toEqual({ ok: true, total: '120000.00' });
    expect(checkBudget(rows('0.1', '0.2'), '0.30')).toEqual({ ok: true, total: '0.30' });
  });

  it('says how much is missing or over', () => {
    expect(checkBudget(rows('60000', '40000'), '120000.00')).toEqual({
      ok: false,
      reason: 'mismatch',
      total: '100000.00',
      difference: '20000.00',
    });
    expect(checkBudget(rows('60000', '60000.01'), '120000.00')).toEqual({
      ok: false,
      reason: 'mismatch',
      total: '120000.01',
      difference: '-0.01',
    });
  });

  it('needs a row, a valid amount on every row and an estimate', () => {
    expect(checkBudget([], '100.00')).toEqual({ ok: false, reason: 'empty' });
    expect(checkBudget(rows('100', 'abc'), '100.00')).toEqual({ ok: false, reason: 'invalidRow' });
    expect(checkBudget(rows('100', '0'), '100.00')).toEqual({ ok: false, reason: 'invalidRow' });
    expect(checkBudget(rows('100'), null)).toEqual({ ok: false, reason: 'noEstimate' });
    expect(budgetTotal(rows('1', '', '2.5'))).toEqual({ total: '3.50', valid: false });
  });

  it('fills the last row with what is left, when something is left', () => {
    expect(remainder(rows('60000', '40000'), '120000.00')).toBe('20000.00');
    expect(remainder([], '120000.00')).toBe('120000.00');
    expect(remainder(rows('130000'), '120000.00')).toBeNull();
  });

  it('warns when the estimate is more than the budget line has available', () => {
    expect(fitsAvailable('120000.00', '120000.00')).toBe(true);
    expect(fitsAvailable('120000.01', '120000.00')).toBe(false);
    expect(fitsAvailable(null, '1.00')).toBe(true);
  });
});
