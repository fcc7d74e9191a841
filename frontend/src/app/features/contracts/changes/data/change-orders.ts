import type { Money } from '../../../../api';
import { moneyToFen, parseMoney } from '../../../../shared/money';
import type { ChangeOrder } from './change-orders.api';

/** All change orders together: at most 10.00 % of the original amount (PRODUCT.md §4). */
export const CHANGE_ORDER_CAP_BP = 1000n;

function fen(value: Money | null | undefined): bigint | null {
  const f = moneyToFen(parseMoney(value ?? null));
  return f === null ? null : BigInt(f);
}

/** `part` as a percentage of `whole`, two decimals, rounded down ("6.45"); '' when either is not an amount. */
export function percentOf(part: Money, whole: Money): string {
  const p = fen(part);
  const w = fen(whole);
  if (p === null || w === null || w <= 0n) return '';
  const bp = (p * 10000n) / w;
  return `${bp / 100n}.${(bp % 100n).toString().padStart(2, '0')}`;
}

/** Whether `amount` more keeps approved change orders (`changes`) within 10 % of `original`, exactly. */
export function fitsCap(amount: Money, changes: Money, original: Money): boolean {
  const a = fen(amount);
  const c = fen(changes);
  const o = fen(original);
  if (a === null || c === null || o === null || a <= 0n) return false;
  return (a + c) * 10000n <= o * CHANGE_ORDER_CAP_BP;
}

export interface ChangeOrderRow extends ChangeOrder {
  /** Approved change orders up to and including this one, in % of the original ('' for others). */
  cumulativePercent: string;
}

/** The rows in order with the running total of approved change orders as a percentage of the original amount. */
export function withCumulative(items: readonly ChangeOrder[], original: Money): ChangeOrderRow[] {
  let sum = 0n;
  return items.map((item) => {
    if (item.status !== 'APPROVED') return { ...item, cumulativePercent: '' };
    sum += fen(item.amount) ?? 0n;
    const running = `${sum / 100n}.${(sum % 100n).toString().padStart(2, '0')}`;
    return { ...item, cumulativePercent: percentOf(running, original) };
  });
}
