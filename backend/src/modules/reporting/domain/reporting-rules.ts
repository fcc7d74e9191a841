/**
 * The definitions behind the dashboards (docs/domain/reporting.md), as data and pure functions: which statuses count
 * at each stage of the needs funnel, how a milestone is classed against its due time, how ledger moves become bucket
 * balances, and exact ratios (integer basis points on BigInt, never a float).
 */

/** The stages of the needs funnel, in order; each is a subset of the one before. */
export const FUNNEL_STAGES = ['raised', 'accepted', 'approved', 'funded', 'delivered', 'evaluated'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Need statuses that passed moderation and were not merged away (the demand lives on in the target need). */
export const ACCEPTED_NEED_STATUSES = [
  'ACCEPTED',
  'SHORTLISTED',
  'APPROVED',
  'DECLINED',
  'IN_PROCUREMENT',
  'IN_SERVICE',
  'DELIVERED',
  'EVALUATED',
  'CLOSED',
] as const;
/** Need statuses after the residents' council approved the need. */
export const APPROVED_NEED_STATUSES = [
  'APPROVED',
  'IN_PROCUREMENT',
  'IN_SERVICE',
  'DELIVERED',
  'EVALUATED',
  'CLOSED',
] as const;
/** Need statuses the evaluation's publication sets once the project is delivered (or evaluated). */
export const DELIVERED_NEED_STATUSES = ['DELIVERED', 'EVALUATED', 'CLOSED'] as const;
export const EVALUATED_NEED_STATUSES = ['EVALUATED', 'CLOSED'] as const;
/** Need statuses that imply a signed contract (set at the evaluation's publication). */
export const FUNDED_NEED_STATUSES = ['IN_SERVICE', ...DELIVERED_NEED_STATUSES] as const;
/** Project statuses from the contract's signature on (its budget committed). */
export const FUNDED_PROJECT_STATUSES = ['CONTRACTED', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED', 'CLOSED'] as const;
/** Contracts whose obligations run or ran: signed and not a draft (terminated ones are counted where said). */
export const SIGNED_CONTRACT_STATUSES = ['SIGNED', 'ACTIVE', 'COMPLETED'] as const;

/** Projects by stage: every project status, in the order of the lifecycle, CANCELLED last. */
export const PROJECT_STAGES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'TENDERING',
  'AWARDED',
  'CONTRACTED',
  'IN_PROGRESS',
  'COMPLETED',
  'EVALUATED',
  'CLOSED',
  'CANCELLED',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** Evaluation grades, best first (PRODUCT.md §4: 优秀 ≥ 90, 良好 80–89, 合格 60–79, 不合格 < 60). */
export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];

/** Funding sources of budget lines (funds). */
export const SOURCES = ['CITY_FINANCE', 'DISTRICT_FINANCE', 'STREET_FINANCE', 'WELFARE_LOTTERY', 'DONATION'] as const;

/** A satisfied answer: the overall question answered 4 满意 or 5 非常满意 (as the evaluation's SATISFACTION leaf). */
export const SATISFIED_MIN_OVERALL = 4;

export type MilestoneClass = 'onTime' | 'late' | 'overdue' | 'open';

/**
 * A milestone against its due time (`due_at`, 24:00 Beijing time of its due date): accepted on or before it → on time;
 * accepted after it → late; not accepted and the due time passed → overdue; not accepted and not yet due → open.
 * The statements of `ReportingQueries.milestones` apply exactly these comparisons in SQL; this is their specification.
 */
export function classifyMilestone(
  m: { status: string; dueAt: Date; acceptedAt: Date | null },
  now: Date,
): MilestoneClass {
  if (m.status === 'ACCEPTED' && m.acceptedAt !== null)
    return m.acceptedAt.getTime() <= m.dueAt.getTime() ? 'onTime' : 'late';
  return m.dueAt.getTime() < now.getTime() ? 'overdue' : 'open';
}

/** part ÷ whole in basis points, rounded down (as the funds report); null when there is nothing to divide by. */
export function ratioBp(part: bigint | number, whole: bigint | number): number | null {
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w <= 0n) return null;
  return Number((p * 10_000n) / w);
}

/** Basis points as a percentage text with two places: 8774 → "87.74%"; null → "—". */
export function bpText(bp: number | null): string {
  if (bp === null) return '—';
  const sign = bp < 0 ? '-' : '';
  const abs = Math.abs(bp);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** The ledger's buckets (funds). */
export type Bucket = 'SOURCE' | 'AVAILABLE' | 'RESERVED' | 'COMMITTED' | 'PAID';

export interface Execution {
  /** Allocated = available + reserved + outstanding commitments + paid = all money moved out of SOURCE. */
  allocated: bigint;
  reserved: bigint;
  /** Committed in total (outstanding commitments + paid), as the funds report counts it. */
  committed: bigint;
  paid: bigint;
}

export const ZERO_EXECUTION: Readonly<Execution> = { allocated: 0n, reserved: 0n, committed: 0n, paid: 0n };

/** Adds one aggregated ledger move (`from` → `to`, `fen`) to an execution: each bucket's balance is in − out. */
export function applyMove(e: Execution, from: string, to: string, fen: bigint): Execution {
  const delta = (bucket: Bucket): bigint => (to === bucket ? fen : 0n) - (from === bucket ? fen : 0n);
  return {
    allocated: e.allocated - delta('SOURCE'),
    reserved: e.reserved + delta('RESERVED'),
    committed: e.committed + delta('COMMITTED') + delta('PAID'),
    paid: e.paid + delta('PAID'),
  };
}

export function addExecution(a: Execution, b: Execution): Execution {
  return {
    allocated: a.allocated + b.allocated,
    reserved: a.reserved + b.reserved,
    committed: a.committed + b.committed,
    paid: a.paid + b.paid,
  };
}

/**
 * The average of scores given as exact decimals with two places (DECIMAL(7,2) as strings), to two places, half up:
 * ["84.16", "91.00"] → "87.58". Null for none.
 */
export function averageScore(sumHundredths: bigint, count: number): string | null {
  if (count <= 0) return null;
  const n = BigInt(count);
  const q = (sumHundredths * 2n + n) / (2n * n); // half up, for non-negative sums
  return `${q / 100n}.${(q % 100n).toString().padStart(2, '0')}`;
}

/** A DECIMAL with two places as hundredths: "84.16" → 8416n, "7" → 700n, null → 0n. */
export function hundredths(decimal: string | null): bigint {
  if (decimal === null || decimal === '') return 0n;
  const m = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(decimal.trim());
  if (!m) throw new RangeError(`Not a decimal: ${decimal}`);
  const v = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -v : v;
}

/** A category code's ancestors-or-self test (codes nest by prefix: A ⊃ A01 ⊃ A0101), as funds restricts lines. */
export function inCategory(code: string | null, filter: string | null): boolean {
  if (filter === null) return true;
  return code !== null && code.startsWith(filter);
}

/**
 * The group a category code falls into under a filter: the direct child category of the filter (or the top level
 * without one) that is a prefix of the code; the code itself when none is (a project filed on the filter's own
 * category); null for no category (money not restricted to one).
 */
export function categoryGroup(code: string | null, groups: readonly string[]): string | null {
  if (code === null) return null;
  let best: string | null = null;
  for (const g of groups) if (code.startsWith(g) && (best === null || g.length > best.length)) best = g;
  return best ?? code;
}

/** Beijing calendar year → the UTC instants [start, end) it spans (Asia/Shanghai has no daylight saving). */
export function beijingYearRange(year: number): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(year, 0, 1) - 8 * 3_600_000),
    end: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3_600_000),
  };
}
