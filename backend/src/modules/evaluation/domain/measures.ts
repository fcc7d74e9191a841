import { add, frac, Fraction, ZERO } from './exact';
import type { ComputedIndicator } from './indicator-tree';
import type { Measure } from './scoring';

/**
 * The computed indicators' measures (issue #11 item 3), as pure rules over the contract's own data: what counts as
 * `actual` and what as `planned` for each computed leaf. The service reads the rows in one transaction and hands
 * them here; the leaf then scores points × min(1, actual ÷ planned) (domain/scoring.ts). Every number is exact:
 * counts and fen are integers, hours are decimals of at most 4 places (DECIMAL(18,4)), never floats.
 */

/** A measure with what it was read from (shown beside the value; `null` when there is nothing to say). */
export interface SystemMeasure extends Measure {
  /** How `actual` was counted where there is a choice (BENEFICIARIES_SERVED: named beneficiaries or the largest activity). */
  basis: MeasureBasis | null;
}

export type MeasureBasis = 'NAMED_BENEFICIARIES' | 'LARGEST_ACTIVITY' | 'HOURS_INDICATOR' | 'PROJECT_QUANTITY';

export type SystemMeasures = Partial<Record<ComputedIndicator, SystemMeasure>>;

const DECIMAL4 = /^(0|[1-9]\d{0,13})(?:\.(\d{1,4}))?$/;

/** A non-negative decimal of at most 4 places ("2.5", "0.0833") as an exact fraction; null when it is not one. */
export function parseDecimal4(text: string | null | undefined): Fraction | null {
  const m = DECIMAL4.exec(String(text ?? '').trim());
  if (!m) return null;
  return frac(BigInt(m[1]) * 10000n + BigInt((m[2] ?? '').padEnd(4, '0')), 10000n);
}

/** The exact value as a decimal of at most 4 places (for DECIMAL(18,4) columns); null when it has no such form. */
export function toDecimal4(x: Fraction): string | null {
  if ((x.n * 10000n) % x.d !== 0n || x.n < 0n) return null;
  const scaled = (x.n * 10000n) / x.d;
  const whole = scaled / 10000n;
  const part = (scaled % 10000n).toString().padStart(4, '0').replace(/0+$/, '');
  return part === '' ? whole.toString() : `${whole}.${part}`;
}

const count = (n: number | bigint): Fraction => frac(BigInt(n));
const none = (
  insufficient: NonNullable<Measure['insufficient']>,
  basis: MeasureBasis | null = null,
): SystemMeasure => ({
  actual: ZERO,
  planned: ZERO,
  insufficient,
  basis,
});

/** One accepted progress report (the ACCEPTED version of a milestone's report), as the measures read it. */
export interface AcceptedReport {
  /** `[{ participants }]`: how many took part in each activity. */
  activities: ReadonlyArray<{ participants?: unknown }>;
  /** `[{ beneficiary, hours }]`: the hours given to each named beneficiary (hours-counted services). */
  serviceHours: ReadonlyArray<{ beneficiary?: unknown; hours?: unknown }>;
}

/**
 * BENEFICIARIES_SERVED — planned: the project plan's expected beneficiaries (`projects.plan.beneficiaries`, people).
 * Actual: the number of different people the accepted reports show were served, which a report records in two ways:
 * the beneficiaries it names in its service hours (hours-counted services), and the participants of each activity
 * (a head count per activity — the same residents come again, so adding activities up would count visits, 人次, not
 * people). Both are lower bounds of the people served: `actual` is the larger of
 *   - the number of different beneficiary names (trimmed) in the service hours of all accepted reports, and
 *   - the largest number of participants of one activity in the accepted reports.
 * No plan (no positive whole number) → NO_PLAN; no accepted report yet → NO_DATA: the evaluator scores by hand.
 */
export function beneficiariesMeasure(plannedBeneficiaries: unknown, reports: readonly AcceptedReport[]): SystemMeasure {
  const planned =
    typeof plannedBeneficiaries === 'number' && Number.isSafeInteger(plannedBeneficiaries) && plannedBeneficiaries > 0
      ? plannedBeneficiaries
      : null;
  if (planned === null) return none('NO_PLAN');
  if (reports.length === 0) return { ...none('NO_DATA'), planned: count(planned) };
  const names = new Set<string>();
  let largest = 0;
  for (const r of reports) {
    for (const h of r.serviceHours) {
      const name = typeof h.beneficiary === 'string' ? h.beneficiary.trim() : '';
      if (name !== '') names.add(name);
    }
    for (const a of r.activities) {
      const p = a.participants;
      if (typeof p === 'number' && Number.isSafeInteger(p) && p > largest) largest = p;
    }
  }
  const named = names.size;
  return {
    actual: count(Math.max(named, largest)),
    planned: count(planned),
    basis: named > 0 && named >= largest ? 'NAMED_BENEFICIARIES' : 'LARGEST_ACTIVITY',
  };
}

/**
 * SERVICE_HOURS — only for a service counted in hours (its catalogue item's unit is 小时/课时…), else NO_PLAN.
 * Planned: the target of the first output indicator of the plan whose unit is hours ("≥ 480 小时" → 480), else
 * the project's quantity (the number of hours bought). Actual: the sum of the hours per beneficiary of every
 * accepted report. No accepted report yet → NO_DATA.
 */
export function serviceHoursMeasure(input: {
  countedInHours: boolean;
  /** The target of the plan's first hours indicator, decimal text, or null. */
  hoursIndicatorTarget: string | null;
  projectQuantity: number | null;
  reports: readonly AcceptedReport[];
}): SystemMeasure {
  if (!input.countedInHours) return none('NO_PLAN');
  const fromIndicator = parseDecimal4(input.hoursIndicatorTarget);
  const planned =
    fromIndicator !== null && fromIndicator.n > 0n
      ? { value: fromIndicator, basis: 'HOURS_INDICATOR' as const }
      : input.projectQuantity !== null && Number.isSafeInteger(input.projectQuantity) && input.projectQuantity > 0
        ? { value: count(input.projectQuantity), basis: 'PROJECT_QUANTITY' as const }
        : null;
  if (planned === null) return none('NO_PLAN');
  if (input.reports.length === 0) return { ...none('NO_DATA', planned.basis), planned: planned.value };
  let actual = ZERO;
  for (const r of input.reports)
    for (const h of r.serviceHours) {
      const hours = parseDecimal4(typeof h.hours === 'string' ? h.hours : null);
      if (hours !== null) actual = add(actual, hours);
    }
  return { actual, planned: planned.value, basis: planned.basis };
}

/** A milestone of the contract, as MILESTONES_ON_TIME and FUNDS_PAID read it. */
export interface MilestoneFacts {
  status: string;
  /** End of the due date (24:00 Beijing). */
  dueAt: Date;
  acceptedAt: Date | null;
  isFinal: boolean;
  /** The tranche in fen. */
  amountFen: bigint;
}

/**
 * MILESTONES_ON_TIME — planned: every milestone of the contract (change orders' milestones included); actual: those
 * ACCEPTED with `accepted_at` at or before their due time (24:00 Beijing of the due date). A milestone not yet
 * accepted counts in `planned` only. No milestone → NO_PLAN.
 */
export function milestonesMeasure(milestones: readonly MilestoneFacts[]): SystemMeasure {
  if (milestones.length === 0) return none('NO_PLAN');
  const onTime = milestones.filter(
    (m) => m.status === 'ACCEPTED' && m.acceptedAt !== null && m.acceptedAt.getTime() <= m.dueAt.getTime(),
  ).length;
  return { actual: count(onTime), planned: count(milestones.length), basis: null };
}

/**
 * FUNDS_PAID (资金到位率) — planned: what the contract commits to pay before the evaluation result, i.e. the tranches
 * of every milestone but the final one (the final tranche is held until this evaluation decides it, PRODUCT.md §4);
 * actual: what was PAID of those tranches (`payment_requests.amount_fen`, status PAID). Fen, exact. A contract
 * whose only tranche is the final one → NO_PLAN.
 */
export function fundsMeasure(
  milestones: readonly MilestoneFacts[],
  paid: ReadonlyArray<{ isFinal: boolean; amountFen: bigint }>,
): SystemMeasure {
  const planned = milestones.filter((m) => !m.isFinal).reduce((s, m) => s + m.amountFen, 0n);
  if (planned <= 0n) return none('NO_PLAN');
  const actual = paid.filter((p) => !p.isFinal).reduce((s, p) => s + p.amountFen, 0n);
  return { actual: count(actual), planned: count(planned), basis: null };
}
