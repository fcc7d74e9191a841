import type { CalendarDay, IsoDate } from '../../../api';
import { moneyToFen } from '../../../shared/money';
import type { Criterion, ScoringMethod, TenderMethod } from './procurement.types';

/**
 * The legal rules a tender must keep (PRODUCT.md §4), as the wizard checks them before the server
 * does: the minimum period from publication to the bid deadline per method, the committee size and
 * the comprehensive-scoring scheme. Dates are calendar dates in Asia/Shanghai (`YYYY-MM-DD`).
 */

export type PeriodUnit = 'CALENDAR' | 'WORKING';

/** Publication → bid deadline, at least (单一来源: the public notice before award). */
export const MINIMUM_PERIODS: Readonly<Record<TenderMethod, { days: number; unit: PeriodUnit }>> = {
  OPEN_TENDER: { days: 20, unit: 'CALENDAR' },
  COMPETITIVE_CONSULTATION: { days: 10, unit: 'CALENDAR' },
  COMPETITIVE_NEGOTIATION: { days: 3, unit: 'WORKING' },
  REQUEST_FOR_QUOTATION: { days: 3, unit: 'WORKING' },
  SINGLE_SOURCE: { days: 5, unit: 'WORKING' },
};

/** The exceptions to Monday–Friday: public holidays and make-up workdays (调休). */
export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkingCalendar = { holidays: new Set(), workdays: new Set() };

/** The days of `GET /calendar/:year` (any number of years) as a calendar. */
export function workingCalendar(days: readonly CalendarDay[]): WorkingCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)),
  };
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function utcOf(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function dateOf(t: number): IsoDate {
  return new Date(t).toISOString().slice(0, 10);
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return dateOf(utcOf(date) + n * DAY_MS);
}

export function isWorkingDay(date: IsoDate, cal: WorkingCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(utcOf(date)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `from` (the start day is excluded). */
export function addWorkingDays(from: IsoDate, n: number, cal: WorkingCalendar): IsoDate {
  let date = from;
  for (let left = n; left > 0;) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, cal)) left--;
  }
  return date;
}

export function onOrNextWorkingDay(date: IsoDate, cal: WorkingCalendar): IsoDate {
  let d = date;
  while (!isWorkingDay(d, cal)) d = addCalendarDays(d, 1);
  return d;
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date | string): IsoDate {
  const t = (instant instanceof Date ? instant : new Date(instant)).getTime();
  return dateOf(Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS);
}

/**
 * The earliest date a bid deadline may fall on for a tender published on `publishedOn`: n calendar
 * days (the start day excluded; a period ending on a rest day ends on the next working day) or n
 * working days.
 */
export function earliestDeadlineDate(method: TenderMethod, publishedOn: IsoDate, cal: WorkingCalendar): IsoDate {
  const period = MINIMUM_PERIODS[method];
  return period.unit === 'CALENDAR'
    ? onOrNextWorkingDay(addCalendarDays(publishedOn, period.days), cal)
    : addWorkingDays(publishedOn, period.days, cal);
}

/** Null when a deadline published on `publishedOn` keeps the legal period; otherwise the earliest allowed date. */
export function deadlineProblem(
  method: TenderMethod,
  deadline: string | null,
  publishedOn: IsoDate,
  cal: WorkingCalendar,
): { earliest: IsoDate } | null {
  const earliest = earliestDeadlineDate(method, publishedOn, cal);
  if (!deadline) return { earliest };
  return shanghaiDate(deadline) >= earliest ? null : { earliest };
}

/** 09:30 Beijing time on `date`, as an instant: the default opening time of a new tender. */
export function defaultDeadline(date: IsoDate): string {
  return new Date(utcOf(date) + (9 * 60 + 30) * 60_000 - SHANGHAI_OFFSET_MS).toISOString();
}

// ---- committee

export function minimumCommitteeSize(method: TenderMethod): number {
  return method === 'OPEN_TENDER' ? 5 : 3;
}

export type CommitteeProblem = 'tooSmall' | 'even' | 'tooLarge';

/** An odd number, at least 5 for an open tender and 3 otherwise, at most 21. */
export function committeeSizeProblem(method: TenderMethod, size: number | null): CommitteeProblem | null {
  if (size === null || !Number.isInteger(size) || size < minimumCommitteeSize(method)) return 'tooSmall';
  if (size % 2 === 0) return 'even';
  if (size > 21) return 'tooLarge';
  return null;
}

// ---- scoring scheme

/** Minimum price weight for services (87号令 第五十五条). */
export const MIN_PRICE_WEIGHT = 10;
export const MAX_CRITERIA = 20;
export const CRITERION_CODE = /^[A-Z][A-Z0-9_]{0,15}$/;
const POINTS = /^(0|[1-9]\d{0,2})(\.\d{1,2})?$/;

/** Points such as "35.5" in hundredths (3550), or null when not points with at most two decimals. */
export function pointsToCents(text: string | null | undefined): number | null {
  const s = (text ?? '').trim();
  const m = POINTS.exec(s);
  if (!m) return null;
  const [int, frac = ''] = s.split('.');
  return Number(int) * 100 + Number(frac.padEnd(2, '0'));
}

export function centsToPoints(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export type SchemeProblem =
  | { code: 'priceWeightRange'; min: number }
  | { code: 'lowestPriceNoCriteria' }
  | { code: 'noCriteria' }
  | { code: 'tooManyCriteria'; max: number }
  | { code: 'criterionCode'; row: number }
  | { code: 'criterionCodeDuplicate'; row: number }
  | { code: 'criterionName'; row: number }
  | { code: 'criterionScore'; row: number }
  | { code: 'totalNot100'; technical: string; price: number };

/** The points the technical criteria give together, in hundredths (rows with no valid score count 0). */
export function technicalCents(criteria: readonly Criterion[]): number {
  return criteria.reduce((sum, c) => sum + (pointsToCents(c.maxScore) ?? 0), 0);
}

/**
 * What is wrong with a scoring scheme (empty when nothing): comprehensive scoring needs a price
 * weight of 10–100 % and technical criteria (unique codes, a name, more than 0 points each) whose
 * maxima and the price weight make 100 points; the lowest-price method has no criteria.
 */
export function schemeProblems(
  method: ScoringMethod,
  priceWeight: number | null,
  criteria: readonly Criterion[],
): SchemeProblem[] {
  if (method === 'LOWEST_PRICE') return criteria.length === 0 ? [] : [{ code: 'lowestPriceNoCriteria' }];
  const out: SchemeProblem[] = [];
  const weight = priceWeight ?? -1;
  if (!Number.isInteger(weight) || weight < MIN_PRICE_WEIGHT || weight > 100)
    out.push({ code: 'priceWeightRange', min: MIN_PRICE_WEIGHT });
  if (criteria.length === 0 && weight !== 100) out.push({ code: 'noCriteria' });
  if (criteria.length > MAX_CRITERIA) out.push({ code: 'tooManyCriteria', max: MAX_CRITERIA });
  const seen = new Set<string>();
  criteria.forEach((c, i) => {
    const row = i + 1;
    const code = c.code.trim();
    if (!CRITERION_CODE.test(code)) out.push({ code: 'criterionCode', row });
    else if (seen.has(code)) out.push({ code: 'criterionCodeDuplicate', row });
    seen.add(code);
    if (!c.name.trim() || c.name.trim().length > 64) out.push({ code: 'criterionName', row });
    const cents = pointsToCents(c.maxScore);
    if (cents === null || cents <= 0) out.push({ code: 'criterionScore', row });
  });
  const technical = technicalCents(criteria);
  if (Number.isInteger(weight) && weight >= 0 && technical + weight * 100 !== 10_000) {
    out.push({ code: 'totalNot100', technical: centsToPoints(technical), price: weight });
  }
  return out;
}

/** The usual scheme for community services: 30 % price, plan 40, team 20, experience 10. */
export function defaultCriteria(): Criterion[] {
  return [
    { code: 'PLAN', name: '服务方案', maxScore: '40' },
    { code: 'TEAM', name: '团队与人员', maxScore: '20' },
    { code: 'EXPERIENCE', name: '同类项目经验', maxScore: '10' },
  ];
}

// ---- bid deposit

export type BidDepositProblem = 'invalid' | 'aboveCap';

/** 投标保证金: optional; when given, above zero and at most 2 % of the project budget (compared exactly, in fen). */
export function bidDepositProblem(deposit: string | null, estimate: string | null): BidDepositProblem | null {
  if (deposit === null || deposit.trim() === '') return null;
  const fen = moneyToFen(deposit);
  if (fen === null || fen.startsWith('-') || fen === '0') return 'invalid';
  const budget = moneyToFen(estimate);
  if (budget !== null && BigInt(fen) * 10_000n > BigInt(budget) * 200n) return 'aboveCap';
  return null;
}

/** The largest deposit the 2 % rule allows, in fen (rounded down). */
export function maxBidDepositFen(estimate: string | null): string | null {
  const budget = moneyToFen(estimate);
  return budget === null ? null : ((BigInt(budget) * 200n) / 10_000n).toString();
}

// ---- maximum price

export type MaxPriceProblem = 'invalid' | 'aboveEstimate';

/** 最高限价: an amount above zero, at most the project estimate. */
export function maxPriceProblem(maxPrice: string | null, estimate: string | null): MaxPriceProblem | null {
  const fen = moneyToFen(maxPrice);
  if (fen === null || fen.startsWith('-') || fen === '0') return 'invalid';
  const cap = moneyToFen(estimate);
  if (cap !== null && BigInt(fen) > BigInt(cap)) return 'aboveEstimate';
  return null;
}
