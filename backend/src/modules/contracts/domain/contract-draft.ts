import { addCalendarDays, endOfDayShanghai, parseDate, shanghaiDate } from '../../regions';
import { bpToPercent, percentToBp, PERFORMANCE_BOND_CAP_BP, splitBySharesBp, WHOLE_BP } from './money-rules';

/**
 * The contract's draft and the limits the officer edits it within (PRODUCT.md §4, 政府采购法实施条例 art. 49),
 * pure: dates are Asia/Shanghai calendar dates `YYYY-MM-DD`, money integer fen, shares basis points.
 */

/** The default term: one year (PRODUCT.md §4); 36 months only where the budget line allows a multi-year contract. */
export const DEFAULT_MAX_TERM_MONTHS = 12;
export const MULTI_YEAR_MAX_TERM_MONTHS = 36;
/** The contract is signed within 30 days of the award notice (政府采购法 art. 46). */
export const SIGNATURE_DAYS = 30;
/** The contract notice is published within 2 working days of signing (实施条例 art. 50). */
export const PUBLICATION_WORKING_DAYS = 2;
/** Payment within 30 days of acceptance by default, at most 60 (保障中小企业款项支付条例 art. 8). */
export const DEFAULT_PAYMENT_DAYS = 30;
export const MAX_PAYMENT_DAYS = 60;
/** The default performance bond: 5 % of the amount; at most 10 % (实施条例 art. 48). */
export const DEFAULT_BOND_BP = 500;
/** Reminders before the signature is due, in days. */
export const SIGNATURE_REMINDER_DAYS = [7, 1] as const;

export interface Instalment {
  label: string;
  percent: number;
}

export interface MilestoneDraft {
  seq: number;
  title: string;
  deliverables: string;
  dueDate: string;
  shareBp: number;
  amountFen: bigint;
  isFinal: boolean;
}

/** The last day of a term of `months` months starting on `start` (start + months − 1 day, clamped to month end). */
export function termEndFor(start: string, months: number): string {
  const t = new Date(parseDate(start));
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(t.getUTCDate(), lastDay);
  const same = new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
  return addCalendarDays(same, -1);
}

/** The term of a draft: from the day after the award to one term later. */
export function defaultTerm(awardedAt: Date, months = DEFAULT_MAX_TERM_MONTHS): { start: string; end: string } {
  const start = addCalendarDays(shanghaiDate(awardedAt), 1);
  return { start, end: termEndFor(start, months) };
}

/** Signature due: the end of the Beijing day 30 days after the award notice. */
export function signatureDueAt(awardNoticeAt: Date): Date {
  return endOfDayShanghai(addCalendarDays(shanghaiDate(awardNoticeAt), SIGNATURE_DAYS));
}

/** Due dates spread evenly over the term, the last on the term's end. */
export function spreadDueDates(start: string, end: string, n: number): string[] {
  const days = Math.round((parseDate(end) - parseDate(start)) / 86_400_000);
  return Array.from({ length: n }, (_, i) =>
    i === n - 1 ? end : addCalendarDays(start, Math.floor((days * (i + 1)) / n)),
  );
}

/** Milestones from the catalogue item's default payment schedule (whole percentages summing to 100). */
export function milestonesFromSchedule(
  amountFen: bigint,
  schedule: readonly Instalment[],
  term: { start: string; end: string },
): MilestoneDraft[] {
  const plan = schedule.length > 0 ? schedule : [{ label: '验收后一次性支付', percent: 100 }];
  const shares = plan.map((i) => i.percent * 100);
  const split = splitBySharesBp(amountFen, shares);
  if (!split.ok) throw new RangeError(`The payment schedule cannot be split: ${split.problem}`);
  const dates = spreadDueDates(term.start, term.end, plan.length);
  return plan.map((i, idx) => ({
    seq: idx + 1,
    title: i.label.slice(0, 128),
    deliverables: i.label,
    dueDate: dates[idx],
    shareBp: shares[idx],
    amountFen: split.tranchesFen[idx],
    isFinal: idx === plan.length - 1,
  }));
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface MilestoneEdit {
  title: string;
  deliverables: string;
  dueDate: string;
  /** Percent with up to two decimals ("30.00"). */
  share: string;
}

export interface TermsEdit {
  termStart: string;
  termEnd: string;
  paymentDays: number;
  bondBp: number;
  milestones: MilestoneEdit[];
}

function isDate(s: string): boolean {
  try {
    parseDate(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with the officer's terms, with field paths: the term (after the award, at most `maxTermMonths`),
 * payment days (1..60), the bond (0..10 %), the milestones (1..12, due within the term, in order, shares positive
 * and summing to exactly 100.00 %).
 */
export function termsProblems(e: TermsEdit, limits: { earliestStart: string; maxTermMonths: number }): FieldProblem[] {
  const out: FieldProblem[] = [];
  const okStart = isDate(e.termStart);
  const okEnd = isDate(e.termEnd);
  if (!okStart) out.push({ field: 'termStart', message: 'termStart must be a date YYYY-MM-DD' });
  if (!okEnd) out.push({ field: 'termEnd', message: 'termEnd must be a date YYYY-MM-DD' });
  if (okStart && e.termStart < limits.earliestStart)
    out.push({ field: 'termStart', message: `The term starts on ${limits.earliestStart} at the earliest` });
  if (okStart && okEnd) {
    if (e.termEnd < e.termStart) out.push({ field: 'termEnd', message: 'The term ends before it starts' });
    else if (e.termEnd > termEndFor(e.termStart, limits.maxTermMonths))
      out.push({
        field: 'termEnd',
        message: `The term is at most ${limits.maxTermMonths} months (until ${termEndFor(e.termStart, limits.maxTermMonths)})`,
      });
  }
  if (!Number.isInteger(e.paymentDays) || e.paymentDays < 1 || e.paymentDays > MAX_PAYMENT_DAYS)
    out.push({ field: 'paymentDays', message: `Payment is due within 1 to ${MAX_PAYMENT_DAYS} days of acceptance` });
  if (!Number.isInteger(e.bondBp) || e.bondBp < 0 || e.bondBp > PERFORMANCE_BOND_CAP_BP)
    out.push({ field: 'bondPercent', message: 'The performance bond is at most 10.00 % of the amount' });
  if (e.milestones.length < 1 || e.milestones.length > 12)
    out.push({ field: 'milestones', message: 'A contract has 1 to 12 milestones' });
  let total = 0;
  let previous = '';
  e.milestones.forEach((m, i) => {
    const bp = percentToBp(m.share);
    if (bp === null || bp <= 0)
      out.push({
        field: `milestones.${i}.share`,
        message: 'A share is a percentage above 0 with at most two decimals',
      });
    else total += bp;
    if (!isDate(m.dueDate))
      out.push({ field: `milestones.${i}.dueDate`, message: 'dueDate must be a date YYYY-MM-DD' });
    else if (okStart && okEnd && (m.dueDate < e.termStart || m.dueDate > e.termEnd))
      out.push({ field: `milestones.${i}.dueDate`, message: 'A milestone is due within the term' });
    else if (m.dueDate < previous)
      out.push({ field: `milestones.${i}.dueDate`, message: 'Milestones are due in order' });
    if (isDate(m.dueDate)) previous = m.dueDate;
  });
  if (e.milestones.length > 0 && total !== WHOLE_BP && !out.some((p) => p.field.endsWith('.share')))
    out.push({ field: 'milestones', message: `The shares add up to ${bpToPercent(total)} %, not exactly 100.00 %` });
  return out;
}

/** The bond in fen: its share of the amount, rounded down (never more than the rule). */
export function bondFen(amountFen: bigint, bondBp: number): bigint {
  return (amountFen * BigInt(bondBp)) / BigInt(WHOLE_BP);
}

/** The party texts and clauses of a contract (the JSON `content`, edited while DRAFT). */
export interface ContractContent {
  purchaser: { name: string; region: string; address: string; representative: string };
  supplier: {
    name: string;
    creditCode: string;
    legalRepresentative: string;
    bankName: string;
    bankAccountName: string;
    bankAccountNo: string;
  };
  scope: string;
  serviceStandard: string;
  acceptanceMethod: string;
  bondTerms: string;
  otherTerms: string;
}

/** Everything signed, in one canonical value: its canonical JSON is frozen and hashed at signing. */
export interface SignedContent {
  code: string;
  title: string;
  tenderId: number;
  amountFen: string;
  termStart: string;
  termEnd: string;
  paymentDays: number;
  bondBp: number;
  bondFen: string;
  content: ContractContent;
  milestones: Array<{
    seq: number;
    title: string;
    deliverables: string;
    dueDate: string;
    shareBp: number;
    amountFen: string;
    isFinal: boolean;
  }>;
}

/** The contract code HT-<year>-<6-digit id>. */
export function contractCode(year: string, id: number): string {
  return `HT-${year}-${String(id).padStart(6, '0')}`;
}
