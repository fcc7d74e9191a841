const SHANGHAI_YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** The year of `now` in Asia/Shanghai (the budget year the dashboards open on, as the API defaults to). */
export function reportYear(now: Date = new Date()): number {
  return Number(SHANGHAI_YEAR.format(now));
}

/** The years offered: next year (budgets are prepared ahead), this one and the four before. */
export function reportYears(now: Date = new Date()): number[] {
  const year = reportYear(now);
  return [year + 1, year, year - 1, year - 2, year - 3, year - 4];
}
