import { beijingDate, formatBeijingNumeric } from '@diandan/time';

import { formatMoney } from '../../../shared/money';

/** Beijing day of an instant (`YYYY-MM-DD`), or the calendar day itself. */
export function day(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : beijingDate(value);
}

/** An instant to the minute, Beijing time. */
export function minute(value: string | null | undefined): string {
  return value ? formatBeijingNumeric(value, 'minute') : '';
}

/** ¥1,234.56 ('' when absent). */
export function yuan(value: string | null | undefined): string {
  return value ? formatMoney(value, { symbol: true }) : '';
}

/**
 * The width of a bar, in % of the largest: display only (the figures beside it are the exact strings). Whole
 * yuan are enough for a bar's length.
 */
export function barWidth(value: string | number, max: string | number): number {
  const v = Number(String(value).split('.')[0]);
  const m = Number(String(max).split('.')[0]);
  if (!(m > 0)) return 0;
  return Math.max(1, Math.round((v / m) * 100));
}
