/**
 * OCDS amounts are JSON numbers of yuan; the application keeps integer fen (BIGINT). The conversion goes through the
 * exact decimal text ("12345.67"): a double parsed from a decimal of at most 15 significant digits prints back as the
 * same decimal (JSON.stringify uses the shortest round-trip form), so the published number is the fen amount exactly.
 * Larger amounts (≥ 10 trillion yuan) cannot be published exactly as a JSON number and are refused.
 */
export type OcdsValue = {
  amount: number;
  currency: 'CNY';
};

/** 10^15 fen: beyond it a double may no longer print back as the same decimal. */
const MAX_EXACT_FEN = 10n ** 15n;

/** "12345.67" from 1234567n (and "-0.05" from -5n). */
export function fenToDecimal(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${yuan.toString()}.${cents}`;
}

/** The yuan amount of `fen` as a JSON number that prints as exactly that decimal. */
export function fenToAmount(fen: bigint | string | number): number {
  const f = BigInt(fen);
  if (f >= MAX_EXACT_FEN || f <= -MAX_EXACT_FEN) throw new RangeError(`${f} fen cannot be published exactly`);
  const text = fenToDecimal(f);
  const n = Number(text);
  // the round trip the publication relies on: the number prints as the decimal (trailing zeros aside)
  if (BigInt(Math.round(n * 100)) !== f || !sameDecimal(String(n), text))
    throw new RangeError(`${text} does not round-trip as a JSON number`);
  return n;
}

export function cny(fen: bigint | string | number): OcdsValue {
  return { amount: fenToAmount(fen), currency: 'CNY' };
}

function sameDecimal(printed: string, exact: string): boolean {
  const norm = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  return norm(printed) === norm(exact);
}
