/**
 * Exact decimals for the live total on the scoring page: a fraction of two BigInts, never a float — a port of the
 * backend's `modules/evaluation/domain/exact.ts` (same rules, same rounding), kept free of imports so that the page's
 * total can never disagree with the one the server stores. Scores are decimal texts with at most 2 places; computed
 * values arrive exact as "n/d"; totals are shown rounded half-up to 2 places.
 */
export interface Fraction {
  readonly n: bigint;
  /** Always > 0. */
  readonly d: bigint;
}

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,2}))?$/;
const RATIO = /^(-?\d{1,60})\/(\d{1,60})$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export function frac(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError('Division by zero');
  const s = d < 0n ? -1n : 1n;
  const g = gcd(n, d);
  return { n: (s * n) / g, d: (s * d) / g };
}

export const ZERO: Fraction = { n: 0n, d: 1n };

/** A non-negative decimal with at most 2 places ("4.5", "13"), or null when the text is not one. */
export function parseDecimal(text: string): Fraction | null {
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  return frac(BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0'), 100n);
}

/** "1395/106" → the fraction; null when the text is not one. */
export function parseRatio(text: string | null | undefined): Fraction | null {
  const m = RATIO.exec(text ?? '');
  if (!m || /^0+$/.test(m[2])) return null;
  return frac(BigInt(m[1]), BigInt(m[2]));
}

export function add(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sum(xs: readonly Fraction[]): Fraction {
  return xs.reduce(add, ZERO);
}

export function cmp(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function eq(a: Fraction, b: Fraction): boolean {
  return cmp(a, b) === 0;
}

/** Rounded half-up to `places` decimals, as text: 84.160377… → "84.16". */
export function toFixedHalfUp(x: Fraction, places = 2): string {
  const scale = 10n ** BigInt(places);
  const neg = x.n < 0n;
  const n = neg ? -x.n : x.n;
  const scaled = (n * scale * 2n + x.d) / (2n * x.d);
  const whole = scaled / scale;
  const part = (scaled % scale).toString().padStart(places, '0');
  const text = places > 0 ? `${whole}.${part}` : `${whole}`;
  return neg && scaled !== 0n ? `-${text}` : text;
}

/** The exact value as "n/d". */
export function toRatio(x: Fraction): string {
  return `${x.n}/${x.d}`;
}
