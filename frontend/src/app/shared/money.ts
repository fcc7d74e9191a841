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
 * A signed amount of yuan as the API's `"-50000.00"`, or null: like {@link parseMoney}, but a
 * leading minus is allowed (an adjustment that lowers a budget line). `"-0"` reads as `"0.00"`.
 */
export function parseSignedMoney(input: string | number | null | undefined): Money | null {
  if (input === null || input === undefined) return null;
  return normalise(String(input), true);
}

/**
 * An amount as integer fen, in a string: `"1234.50"` → `"123450"`, `"-0.05"` → `"-5"`; null for
 * text that is not an amount. Digits are moved, never multiplied, so nothing is lost to floats.
 */
export function moneyToFen(value: Money | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const money = normalise(String(value), true);
  if (money === null) return null;
  const negative = money.startsWith('-');
  const digits = (negative ? money.slice(1) : money).replace('.', '').replace(/^0+(?=\d)/, '');
  return digits === '0' ? '0' : `${negative ? '-' : ''}${digits}`;
}

/** Integer fen (a string or a safe integer) as yuan with two decimals: `"123450"` → `"1234.50"`; null when not an integer. */
export function fenToMoney(fen: string | number | null | undefined): Money | null {
  if (fen === null || fen === undefined) return null;
  if (typeof fen === 'number' && !Number.isSafeInteger(fen)) return null;
  const m = /^(-?)(\d+)$/.exec(String(fen).trim());
  if (!m) return null;
  const padded = m[2].replace(/^0+(?=\d)/, '').padStart(3, '0');
  const int = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  const frac = padded.slice(-2);
  const isZero = /^0+$/.test(int) && frac === '00';
  return `${m[1] && !isZero ? '-' : ''}${int}.${frac}`;
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

/** Form validator: empty passes (pair it with `required`), otherwise a signed amount other than zero. */
export const nonZeroSignedMoney: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (value === null || value === undefined || value === '') return null;
  const money = parseSignedMoney(value as string);
  return money !== null && /[1-9]/.test(money) ? null : { money: true };
};
