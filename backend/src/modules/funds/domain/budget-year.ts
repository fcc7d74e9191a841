import { endOfDayShanghai } from '../../regions';

/**
 * The end of a budget year: 24:00 Asia/Shanghai on 31 December (预算法 第十八条: the budget year runs from
 * 1 January to 31 December). What waits on a line of that year — its approval, an adjustment, the approval of
 * a project reserving on it — must be done by then: once the year is closed nothing in it can change.
 */
export function budgetYearEnd(year: number): Date {
  return endOfDayShanghai(`${String(year).padStart(4, '0')}-12-31`);
}
