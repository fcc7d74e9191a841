import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

import type { Money } from '../api';

/**
 * Money is handled as text, never as a float (docs/api.md, "Money"): the API sends and takes yuan
 * as decimal strings with two decimals, and the UI only normalises, validates and formats them
 * with string operations.
 */

/** At most this many digits before the decimal point (ten trillion yuan; the API stores BIGINT fen). */
const MAX_INTEGER_DIGITS = 13;
const PLAIN = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const GROUPED = /^(-?)(\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

function normalise(text: string, allowNegative: boolean): Money | null {
  const s = text.trim().replace(/^[¥￥]\s*/, '');
  const m = PLAIN.exec(s) ?? GROUPED.exec(s);
  if (!m) return null;
  const [, sign, rawInt, rawFrac] = m;
  if (sign && !allowNegative) return null;
  const int = rawInt.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (int.length > MAX_INTEGER_DIGITS) return null;
  const frac = (rawFrac ?? '').padEnd(2, '0');
  const isZero = /^0+$/.test(int) && frac === '00';
  return `${sign && !isZero ? '-' : ''}${int}.${frac}`;
}

/**
 * What a user typed as an amount of yuan, as the API's `"12.50"`, or null when it is not one:
 * `"12.5"` → `"12.50"`, `"012"` → `"12.00"`, `"¥1,234.5"` → `"1234.50"`; `"1.234"`, `"-3"`,
 * `"1e3"` and `""` are rejected.
 */
export function parseMoney(input: string | number | null | undefined): Money | null {
  if (input === null || input === undefined) return null;
  return normalise(String(input), false);
}

/**
 * An amount from the API for display: `"12345.6"` → `"¥12,345.60"` (thousands grouped, two decimals,
 * `symbol: false` leaves out the ¥). Text that is not an amount is shown as it is.
 */
export function formatMoney(value: Money | null | undefined, options: { symbol?: boolean } = {}): string {
  if (value === null || value === undefined || value === '') return '';
  const money = normalise(String(value), true);
  if (money === null) return String(value);
  const negative = money.startsWith('-');
  const [int, frac] = (negative ? money.slice(1) : money).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${options.symbol === false ? '' : '¥'}${grouped}.${frac}`;
}

/** True for an amount above zero. */
export function isPositiveMoney(value: Money | null): boolean {
  return value !== null && !value.startsWith('-') && /[1-9]/.test(value);
}

/** Form validator: empty passes (pair it with `required`), otherwise an amount above zero with at most two decimals. */
export const positiveMoney: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (value === null || value === undefined || value === '') return null;
  return isPositiveMoney(parseMoney(value as string)) ? null : { money: true };
};
