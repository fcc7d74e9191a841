/**
 * Money: stored as integer fen (BIGINT), carried in JSON as a string of yuan with two decimals
 * ("12345.67"). Conversions are string/BigInt arithmetic — never floating point.
 */
export const YUAN_PATTERN = /^(0|[1-9]\d{0,13})(\.\d{1,2})?$/;

export function yuanToFen(yuan: string): bigint {
  const m = YUAN_PATTERN.exec(yuan);
  if (!m) throw new RangeError(`Not an amount of yuan: ${yuan}`);
  const fraction = (m[2] ?? '.').slice(1).padEnd(2, '0');
  return BigInt(m[1]) * 100n + BigInt(fraction);
}

export function fenToYuan(fen: bigint | string | number): string {
  const v = BigInt(fen);
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
