import type { Money } from '../../../api';
import { fenToMoney, moneyToFen, parseMoney } from '../../../shared/money';

/**
 * The money of a project, as the form computes it live: the estimate is quantity × unit price, the
 * unit price may not exceed the catalogue item's cap (最高限价), and the rows of the budget
 * breakdown must add up to the estimate exactly. All sums are in integer fen (BigInt): no floats.
 */

/** quantity × unit price in yuan, or null while either is missing or invalid. */
export function estimateOf(quantity: number | null | undefined, unitPrice: string | null | undefined): Money | null {
  if (quantity === null || quantity === undefined || !Number.isInteger(quantity) || quantity < 1) return null;
  const fen = moneyToFen(parseMoney(unitPrice));
  if (fen === null) return null;
  return fenToMoney((BigInt(fen) * BigInt(quantity)).toString());
}

/** True when the unit price is above zero and at most the cap (no cap known: only above zero). */
export function unitPriceWithinCap(unitPrice: string | null | undefined, priceCap: Money | null | undefined): boolean {
  const fen = moneyToFen(parseMoney(unitPrice));
  if (fen === null || fen === '0') return false;
  const cap = moneyToFen(priceCap ?? null);
  return cap === null || BigInt(fen) <= BigInt(cap);
}

/** The sum of the breakdown rows (rows whose amount is not yet valid count as 0) and whether every row is valid. */
export function budgetTotal(rows: readonly { amount: string | null | undefined }[]): { total: Money; valid: boolean } {
  let sum = 0n;
  let valid = true;
  for (const row of rows) {
    const fen = moneyToFen(parseMoney(row.amount));
    if (fen === null || fen === '0') valid = false;
    else sum += BigInt(fen);
  }
  return { total: fenToMoney(sum.toString()) ?? '0.00', valid };
}

export type BudgetCheck =
  | { ok: true; total: Money }
  | { ok: false; reason: 'empty' | 'invalidRow' | 'noEstimate' }
  | { ok: false; reason: 'mismatch'; total: Money; difference: Money };

/** Does the breakdown add up to the estimate? `difference` = estimate − total (negative: over). */
export function checkBudget(
  rows: readonly { amount: string | null | undefined }[],
  estimate: Money | null,
): BudgetCheck {
  if (rows.length === 0) return { ok: false, reason: 'empty' };
  const { total, valid } = budgetTotal(rows);
  if (!valid) return { ok: false, reason: 'invalidRow' };
  const target = moneyToFen(estimate);
  if (target === null) return { ok: false, reason: 'noEstimate' };
  const diff = BigInt(target) - BigInt(moneyToFen(total) ?? '0');
  if (diff === 0n) return { ok: true, total };
  return { ok: false, reason: 'mismatch', total, difference: fenToMoney(diff.toString()) ?? '0.00' };
}

/** True when `amount` is at most `available` (a budget line's free balance). */
export function fitsAvailable(amount: Money | null, available: Money | null | undefined): boolean {
  const a = moneyToFen(amount);
  const b = moneyToFen(available ?? null);
  return a === null || b === null || BigInt(a) <= BigInt(b);
}

/** What the last row must hold for the breakdown to add up: estimate − the other rows, or null when that is not above zero. */
export function remainder(
  otherRows: readonly { amount: string | null | undefined }[],
  estimate: Money | null,
): Money | null {
  const target = moneyToFen(estimate);
  if (target === null) return null;
  const { total } = budgetTotal(otherRows);
  const diff = BigInt(target) - BigInt(moneyToFen(total) ?? '0');
  return diff > 0n ? fenToMoney(diff.toString()) : null;
}
