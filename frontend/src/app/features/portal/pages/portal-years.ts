import { beijingDate } from '@diandan/time';

/** This year in Beijing. */
export function currentYear(now: Date = new Date()): number {
  return Number(beijingDate(now).slice(0, 4));
}

/** The years offered in the filters: this one and the four before. */
export const YEARS: readonly number[] = Array.from({ length: 5 }, (_, i) => currentYear() - i);
