import type { Criterion } from './procurement.types';
import {
  addWorkingDays,
  committeeSizeProblem,
  deadlineProblem,
  defaultDeadline,
  earliestDeadlineDate,
  maxPriceProblem,
  pointsToCents,
  schemeProblems,
  shanghaiDate,
  workingCalendar,
} from './tender-rules';

/** 2026 National Day: 1–7 October off, Saturday 10 October a make-up workday (调休). */
const CAL = workingCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2026-10-${d}`,
    kind: 'HOLIDAY' as const,
    name: '国庆节',
  })),
  { date: '2026-10-10', kind: 'WORKDAY' as const, name: '国庆节调休' },
]);

const c = (code: string, maxScore: string, name = code): Criterion => ({ code, name, maxScore });

describe('the legal minimum period from publication to the bid deadline', () => {
  it('gives an open tender 20 calendar days, the start day excluded', () => {
    expect(earliestDeadlineDate('OPEN_TENDER', '2026-09-25', CAL)).toBe('2026-10-15');
  });

  it('moves a calendar-day period ending on a weekend to the next working day', () => {
    // 23 November + 20 days = Sunday 13 December → Monday 14 December
    expect(earliestDeadlineDate('OPEN_TENDER', '2026-11-23', CAL)).toBe('2026-12-14');
  });

  it('moves a competitive consultation ending in the National Day holiday past it', () => {
    // 21 September + 10 days = 1 October (holiday) → 8 October
    expect(earliestDeadlineDate('COMPETITIVE_CONSULTATION', '2026-09-21', CAL)).toBe('2026-10-08');
  });

  it('counts 3 working days for negotiation and quotation, skipping the holiday', () => {
    // 30 Sep (1), 1–7 Oct off, 8 Oct (2), 9 Oct (3)
    expect(earliestDeadlineDate('REQUEST_FOR_QUOTATION', '2026-09-29', CAL)).toBe('2026-10-09');
    expect(earliestDeadlineDate('COMPETITIVE_NEGOTIATION', '2026-09-29', CAL)).toBe('2026-10-09');
  });

  it('counts a make-up Saturday as a working day for a single source notice of 5 working days', () => {
    // 30 Sep (1), 8 Oct (2), 9 Oct (3), Sat 10 Oct 调休 (4), Mon 12 Oct (5)
    expect(earliestDeadlineDate('SINGLE_SOURCE', '2026-09-29', CAL)).toBe('2026-10-12');
    expect(addWorkingDays('2026-10-09', 1, CAL)).toBe('2026-10-10');
  });

  it('judges a deadline by its Beijing date: 23:59 of the day before is too early, 00:30 of the day is fine', () => {
    expect(deadlineProblem('OPEN_TENDER', '2026-12-13T15:59:59.000Z', '2026-11-23', CAL)).toEqual({
      earliest: '2026-12-14',
    });
    expect(deadlineProblem('OPEN_TENDER', '2026-12-13T16:30:00.000Z', '2026-11-23', CAL)).toBeNull();
    expect(deadlineProblem('OPEN_TENDER', null, '2026-11-23', CAL)).toEqual({ earliest: '2026-12-14' });
  });

  it('reads instants as Asia/Shanghai dates and opens by default at 09:30 Beijing time', () => {
    expect(shanghaiDate('2026-11-23T16:00:00.000Z')).toBe('2026-11-24');
    expect(shanghaiDate('2026-11-23T15:59:59.000Z')).toBe('2026-11-23');
    expect(defaultDeadline('2026-12-14')).toBe('2026-12-14T01:30:00.000Z');
  });
});

describe('the committee size', () => {
  it('needs an odd number, at least 5 for an open tender and 3 for the other methods', () => {
    expect(committeeSizeProblem('OPEN_TENDER', 5)).toBeNull();
    expect(committeeSizeProblem('OPEN_TENDER', 3)).toBe('tooSmall');
    expect(committeeSizeProblem('OPEN_TENDER', 6)).toBe('even');
    expect(committeeSizeProblem('REQUEST_FOR_QUOTATION', 3)).toBeNull();
    expect(committeeSizeProblem('SINGLE_SOURCE', 4)).toBe('even');
    expect(committeeSizeProblem('COMPETITIVE_CONSULTATION', 23)).toBe('tooLarge');
    expect(committeeSizeProblem('COMPETITIVE_NEGOTIATION', null)).toBe('tooSmall');
  });
});

describe('the comprehensive-scoring scheme', () => {
  const usual = [c('PLAN', '40'), c('TEAM', '20'), c('EXPERIENCE', '10')];

  it('accepts technical maxima and a price weight that make 100 points', () => {
    expect(schemeProblems('COMPREHENSIVE', 30, usual)).toEqual([]);
    expect(schemeProblems('COMPREHENSIVE', 10, [c('PLAN', '62.5'), c('TEAM', '27.5')])).toEqual([]);
  });

  it('refuses a price weight under 10% for services', () => {
    const problems = schemeProblems('COMPREHENSIVE', 5, [c('PLAN', '95')]);
    expect(problems.map((p) => p.code)).toEqual(['priceWeightRange']);
  });

  it('says by how much the sum misses 100', () => {
    expect(schemeProblems('COMPREHENSIVE', 30, [c('PLAN', '50'), c('TEAM', '25.25')])).toEqual([
      { code: 'totalNot100', technical: '75.25', price: 30 },
    ]);
  });

  it('names the rows with a bad code, a duplicate code, no name or no points', () => {
    const problems = schemeProblems('COMPREHENSIVE', 40, [
      c('plan', '20'),
      c('TEAM', '20'),
      c('TEAM', '10', ''),
      c('X', '0'),
      c('Y', '1.234'),
    ]);
    expect(problems).toEqual([
      { code: 'criterionCode', row: 1 },
      { code: 'criterionCodeDuplicate', row: 3 },
      { code: 'criterionName', row: 3 },
      { code: 'criterionScore', row: 4 },
      { code: 'criterionScore', row: 5 },
      { code: 'totalNot100', technical: '50.00', price: 40 },
    ]);
  });

  it('has no criteria in the lowest-price method', () => {
    expect(schemeProblems('LOWEST_PRICE', 0, [])).toEqual([]);
    expect(schemeProblems('LOWEST_PRICE', 0, usual)).toEqual([{ code: 'lowestPriceNoCriteria' }]);
  });

  it('reads points with at most two decimals', () => {
    expect(pointsToCents('35.5')).toBe(3550);
    expect(pointsToCents('0')).toBe(0);
    expect(pointsToCents('100.00')).toBe(10000);
    expect(pointsToCents('1.234')).toBeNull();
    expect(pointsToCents('-1')).toBeNull();
    expect(pointsToCents('035')).toBeNull();
  });
});

describe('the maximum price', () => {
  it('is an amount above zero, at most the project estimate', () => {
    expect(maxPriceProblem('118000', '120000.00')).toBeNull();
    expect(maxPriceProblem('120000.00', '120000.00')).toBeNull();
    expect(maxPriceProblem('120000.01', '120000.00')).toBe('aboveEstimate');
    expect(maxPriceProblem('0', '120000.00')).toBe('invalid');
    expect(maxPriceProblem('12.345', '120000.00')).toBe('invalid');
  });
});
