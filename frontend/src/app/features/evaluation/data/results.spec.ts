import { canObject, openObjections, reasonsValid, textValid, trancheKey } from './results';
import { resultsEnUS } from './results.en-US';
import { resultsZhCN } from './results.zh-CN';

describe('evaluation result pages: rules', () => {
  it('accepts objection reasons of 10 to 5000 characters, trimmed', () => {
    expect(reasonsValid('太短了')).toBe(false);
    expect(reasonsValid('          ')).toBe(false);
    expect(reasonsValid('满意度调查只收回 8 份问卷。')).toBe(true);
    expect(reasonsValid('异'.repeat(5001))).toBe(false);
  });

  it('accepts a comment or an answer of 2 characters up to the limit', () => {
    expect(textValid(' 好 ', 1000)).toBe(false);
    expect(textValid('补充', 1000)).toBe(true);
    expect(textValid('补'.repeat(1001), 1000)).toBe(false);
  });

  it('lets the organisation object only when the server offers it', () => {
    expect(canObject({ actions: ['OBJECT'] })).toBe(true);
    expect(canObject({ actions: [] })).toBe(false);
  });

  it('counts the objections still open', () => {
    const o = (status: 'FILED' | 'UPHELD' | 'DISMISSED') => ({ status }) as never;
    expect(openObjections({ objections: [o('FILED'), o('DISMISSED'), o('UPHELD')] })).toBe(1);
  });

  it('has words for every tranche outcome, grade and status in both languages', () => {
    for (const outcome of ['FULL', 'REDUCED', 'WITHHELD'] as const) {
      expect(resultsZhCN[trancheKey(outcome)]).toBeTruthy();
      expect(resultsEnUS[trancheKey(outcome)]).toBeTruthy();
    }
    expect(resultsZhCN['res.grade.GOOD']).toBe('良好');
    expect(resultsEnUS['res.grade.FAIL']).toBe('Fail');
    expect(Object.keys(resultsEnUS).sort()).toEqual(Object.keys(resultsZhCN).sort());
  });
});
