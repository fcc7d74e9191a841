const SHANGHAI_YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** The budget year of `now`: the calendar year in Asia/Shanghai (budgets follow the Chinese fiscal year). */
export function budgetYear(now: Date = new Date()): number {
  return Number(SHANGHAI_YEAR.format(now));
}

/** The years offered in the pickers: next year (budgets are prepared ahead), this one and the three before. */
export function budgetYears(now: Date = new Date()): number[] {
  const year = budgetYear(now);
  return [year + 1, year, year - 1, year - 2, year - 3];
}
