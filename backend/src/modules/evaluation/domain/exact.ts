/**
 * Exact decimals for scores: a score is a fraction of two BigInts, never a float. Manual scores and points are
 * decimal strings with at most 2 places ("7.5", "13"); computed scores are ratios (186 of 212 answers × 15 points)
 * and stay exact until they are shown, when they are rounded half-up to 2 places.
 */
export interface Fraction {
  readonly n: bigint;
  /** Always > 0. */
  readonly d: bigint;
}

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

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

/** A non-negative decimal with at most 2 places, or null when the text is not one. */
export function parseDecimal(text: string): Fraction | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const cents = BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
  return frac(cents, 100n);
}

export function add(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sum(xs: readonly Fraction[]): Fraction {
  return xs.reduce(add, ZERO);
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.n, a.d * b.d);
}

export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new RangeError('Division by zero');
  return frac(a.n * b.d, a.d * b.n);
}

export function cmp(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function min(a: Fraction, b: Fraction): Fraction {
  return cmp(a, b) <= 0 ? a : b;
}

export function eq(a: Fraction, b: Fraction): boolean {
  return cmp(a, b) === 0;
}

/** Rounded half-up (away from zero for the half) to `places` decimals, as text: 84.160377… → "84.16". */
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

/** The exact value as "n/d" (kept beside the rounded score so an auditor can redo the sum). */
export function toRatio(x: Fraction): string {
  return `${x.n}/${x.d}`;
}
