import Decimal from 'decimal.js';

/**
 * The money rules of 政府买单 (PRODUCT.md §4), pure and exact: amounts are integer fen (bigint), shares and
 * rates are integer basis points (1 bp = 0.01 %), rounding is half-up to the fen and said where it happens.
 * Every number a service stores or shows comes from one of these functions; their oracles are in
 * money-rules.spec.ts.
 */

/** 100.00 % in basis points. */
export const WHOLE_BP = 10_000;

/** A percentage with at most two decimals ("30", "33.33") as basis points; null when it is not one. */
export function percentToBp(percent: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= WHOLE_BP ? bp : null;
}

/** Basis points as a percentage with two decimals ("33.33"). */
export function bpToPercent(bp: number): string {
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
}

/** (n × num) ÷ den rounded half-up, for non-negative n, num and positive den. */
export function mulDivHalfUp(n: bigint, num: bigint, den: bigint): bigint {
  if (n < 0n || num < 0n || den <= 0n) throw new RangeError('mulDivHalfUp takes non-negative values');
  return (2n * n * num + den) / (2n * den);
}

export type ScheduleProblem = 'NO_TRANCHES' | 'SHARE_NOT_POSITIVE' | 'SHARES_NOT_WHOLE' | 'AMOUNT_NOT_POSITIVE';

/**
 * A payment schedule: each tranche is its share of the amount rounded down to the fen, and the last tranche
 * absorbs what rounding left, so the tranches always sum to the amount exactly. Shares must be positive and
 * sum to exactly 100.00 %.
 */
export function splitBySharesBp(
  amountFen: bigint,
  sharesBp: readonly number[],
): { ok: true; tranchesFen: bigint[] } | { ok: false; problem: ScheduleProblem } {
  if (amountFen <= 0n) return { ok: false, problem: 'AMOUNT_NOT_POSITIVE' };
  if (sharesBp.length === 0) return { ok: false, problem: 'NO_TRANCHES' };
  if (sharesBp.some((s) => !Number.isInteger(s) || s <= 0)) return { ok: false, problem: 'SHARE_NOT_POSITIVE' };
  if (sharesBp.reduce((a, b) => a + b, 0) !== WHOLE_BP) return { ok: false, problem: 'SHARES_NOT_WHOLE' };
  const tranches = sharesBp.map((s) => (amountFen * BigInt(s)) / BigInt(WHOLE_BP));
  const allocated = tranches.slice(0, -1).reduce((a, b) => a + b, 0n);
  tranches[tranches.length - 1] = amountFen - allocated;
  return { ok: true, tranchesFen: tranches };
}

/** n equal shares in basis points, the last absorbing the remainder (3 → 33.33 %, 33.33 %, 33.34 %). */
export function equalSharesBp(n: number): number[] {
  if (!Number.isInteger(n) || n < 1 || n > WHOLE_BP) throw new RangeError('equalSharesBp takes 1..10000');
  const each = Math.floor(WHOLE_BP / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? WHOLE_BP - each * (n - 1) : each));
}

/**
 * Whether `partFen` is at most `capBp` of `wholeFen`, compared exactly (no rounding): 10.00 % of 310,000.00 is
 * 31,000.00 and passes, 31,000.01 does not. Used for change orders (10 %), bid deposits (2 % of the project
 * budget) and performance bonds (10 % of the contract).
 */
export function withinShare(partFen: bigint, wholeFen: bigint, capBp: number): boolean {
  return partFen * BigInt(WHOLE_BP) <= wholeFen * BigInt(capBp);
}

/** The most that `capBp` of `wholeFen` allows, in whole fen (rounded down: never more than the rule). */
export function maxShareFen(wholeFen: bigint, capBp: number): bigint {
  return (wholeFen * BigInt(capBp)) / BigInt(WHOLE_BP);
}

export const CHANGE_ORDER_CAP_BP = 1_000;
/** The deposit and bond caps live with the custody ledger (funds), where they are enforced. */
export { BID_DEPOSIT_CAP_BP, PERFORMANCE_BOND_CAP_BP } from '../../funds';

/** Whether a change order of `proposedFen` keeps all approved change orders within 10 % of the original amount. */
export function changeOrderFits(
  originalFen: bigint,
  approvedChangesFen: bigint,
  proposedFen: bigint,
  capBp = CHANGE_ORDER_CAP_BP,
): boolean {
  return proposedFen > 0n && withinShare(approvedChangesFen + proposedFen, originalFen, capBp);
}

/**
 * Simple interest on a late amount (late payment, late deposit refund): principal × annual rate × days ÷ 365,
 * half-up to the fen. `annualRateBp` is the yearly rate in basis points (e.g. 365 = 3.65 % a year = 0.01 % a
 * day). No interest for zero or negative days.
 */
export function lateInterestFen(principalFen: bigint, daysLate: number, annualRateBp: number): bigint {
  if (daysLate <= 0 || principalFen <= 0n || annualRateBp <= 0) return 0n;
  return mulDivHalfUp(principalFen, BigInt(annualRateBp) * BigInt(daysLate), BigInt(WHOLE_BP) * 365n);
}

export type FinalTrancheOutcome = 'FULL' | 'REDUCED' | 'WITHHELD';

/**
 * The final tranche against the final evaluation score (PRODUCT.md §4): ≥ 80 pays in full; 60 ≤ score < 80 is
 * reduced by `reductionBp` of the tranche (the reduction rounded half-up to the fen); < 60 is withheld. What is
 * not paid is released back to the budget line, so pay + release is always the tranche.
 */
export function finalTranche(
  trancheFen: bigint,
  score: string | number,
  reductionBp: number,
): { outcome: FinalTrancheOutcome; payFen: bigint; releaseFen: bigint } {
  const s = new Decimal(score);
  if (!s.isFinite() || s.lt(0) || s.gt(100)) throw new RangeError(`Not a score: ${String(score)}`);
  if (!Number.isInteger(reductionBp) || reductionBp < 0 || reductionBp > WHOLE_BP)
    throw new RangeError(`Not a reduction rate: ${reductionBp}`);
  if (s.gte(80)) return { outcome: 'FULL', payFen: trancheFen, releaseFen: 0n };
  if (s.gte(60)) {
    const reduction = mulDivHalfUp(trancheFen, BigInt(reductionBp), BigInt(WHOLE_BP));
    return { outcome: 'REDUCED', payFen: trancheFen - reduction, releaseFen: reduction };
  }
  return { outcome: 'WITHHELD', payFen: 0n, releaseFen: trancheFen };
}
