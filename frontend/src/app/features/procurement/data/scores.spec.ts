import { scoreProblem, sheetComplete, sheetTotal, toSheets } from './scores';

const criteria = [
  { code: 'PLAN', name: '服务方案', maxScore: '40.00' },
  { code: 'TEAM', name: '团队', maxScore: '30.00' },
];

describe('an expert’s scores', () => {
  it('are points from 0 to the criterion’s maximum with at most two decimals', () => {
    expect(scoreProblem('35.5', '40.00')).toBeNull();
    expect(scoreProblem('0', '40.00')).toBeNull();
    expect(scoreProblem('40', '40.00')).toBeNull();
    expect(scoreProblem('40.01', '40.00')).toBe('range');
    expect(scoreProblem('35.555', '40.00')).toBe('format');
    expect(scoreProblem('', '40.00')).toBe('format');
    expect(scoreProblem('-1', '40.00')).toBe('format');
  });

  it('make a complete sheet with a subtotal', () => {
    expect(sheetComplete(criteria, { PLAN: '35.5', TEAM: '20' })).toBe(true);
    expect(sheetComplete(criteria, { PLAN: '35.5' })).toBe(false);
    expect(sheetTotal(criteria, { PLAN: '35.5', TEAM: '20.25' })).toBe('55.75');
  });

  it('go out one sheet per bid, trimmed, without empty comments', () => {
    expect(
      toSheets(
        ['b1', 'b2'],
        { b1: { PLAN: ' 35.5 ', TEAM: '20' }, b2: { PLAN: '1', TEAM: '2' } },
        { b1: ' 方案详实 ', b2: ' ' },
      ),
    ).toEqual([
      { bidId: 'b1', scores: { PLAN: '35.5', TEAM: '20' }, comment: '方案详实' },
      { bidId: 'b2', scores: { PLAN: '1', TEAM: '2' } },
    ]);
  });
});
