import { budgetYearEnd } from './budget-year';

describe('budgetYearEnd (预算法 第十八条)', () => {
  it('is 31 December 24:00 in Beijing, 16:00 UTC', () => {
    expect(budgetYearEnd(2026).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(budgetYearEnd(2028).toISOString()).toBe('2028-12-31T16:00:00.000Z');
  });
});
