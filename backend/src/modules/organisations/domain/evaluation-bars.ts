import { isCalendarDate } from './calendar-date';

/**
 * A bar from bidding (禁止参与投标) after a failed evaluation (issue #11 item 5): an organisation whose published
 * evaluation score is below 60 (不合格) may not bid in the evaluated contract's district — its region subtree — for
 * EVALUATION_FAIL_BAR_MONTHS months. The bar runs from the publication to the end (24:00 Beijing time) of its last
 * day, the same day of the month `months` later (the month's last day when that day does not exist).
 */
export const BAR_REASONS = ['EVALUATION_FAIL'] as const;
export type BarReason = (typeof BAR_REASONS)[number];

/** The same day `months` later; 31 August + 6 months is 28 (or 29) February. */
export function addMonths(date: string, months: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a date: ${date}`);
  if (!Number.isInteger(months) || months < 0) throw new RangeError('months must be a whole number ≥ 0');
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whether a bar over `barRegionPath` applies to a tender of `tenderRegionPath`: the tender is in its subtree. */
export function barCovers(barRegionPath: string, tenderRegionPath: string): boolean {
  return tenderRegionPath.startsWith(barRegionPath);
}

/** The district's path among a region's ancestors (`/city/district/street/…`), by the levels of those regions. */
export function districtPathOf(regionPath: string, levelOf: (regionId: number) => string | undefined): string {
  const ids = regionPath.split('/').filter((s) => s.length > 0);
  for (let i = 0; i < ids.length; i++)
    if (levelOf(Number(ids[i])) === 'DISTRICT') return `/${ids.slice(0, i + 1).join('/')}/`;
  return regionPath;
}
