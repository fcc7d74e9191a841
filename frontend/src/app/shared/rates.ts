/**
 * Rates from the API come as integer basis points (paid ÷ allocated × 10000, rounded down on the
 * server): 3333 is 33.33 %. They are shown with string operations on the integer, never by
 * dividing a float.
 */

/** `3333` → `"33.33%"`, `10000` → `"100.00%"`, `5` → `"0.05%"`; empty for what is not an integer. */
export function formatBasisPoints(bp: number | string | null | undefined): string {
  if (bp === null || bp === undefined || bp === '') return '';
  const m = /^(-?)(\d+)$/.exec(String(bp).trim());
  if (!m) return '';
  const digits = m[2].replace(/^0+(?=\d)/, '').padStart(3, '0');
  const int = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(-2);
  const isZero = int === '0' && frac === '00';
  return `${m[1] && !isZero ? '-' : ''}${int}.${frac}%`;
}
