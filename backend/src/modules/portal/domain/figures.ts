/**
 * The portal's ratios, exact: integers in, a decimal string out, rounded half-up (never JS floats for what is shown).
 */

/** `numerator / denominator` with `places` decimals, half-up; null when the denominator is 0. */
export function ratio(numerator: bigint, denominator: bigint, places = 2): string | null {
  if (denominator === 0n) return null;
  if (numerator < 0n || denominator < 0n) throw new RangeError('ratio of non-negative integers only');
  const scale = 10n ** BigInt(places);
  const scaled = (numerator * scale * 2n + denominator) / (denominator * 2n); // half-up
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, '0');
  return places === 0 ? whole.toString() : `${whole}.${fraction}`;
}

/** A share in per cent, 2 places: 186 of 212 → "87.74". */
export function percent(part: bigint, whole: bigint): string | null {
  return ratio(part * 100n, whole, 2);
}

/** The mean of scores given in hundredths of a point (84.16 → 8416n), as a score with 2 places. */
export function meanScore(sumCents: bigint, count: bigint): string | null {
  return ratio(sumCents, count * 100n, 2);
}

/** "84.16" → 8416n (a score as shown: at most 2 decimals). */
export function scoreCents(score: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(score);
  if (!m) throw new RangeError(`Not a score: ${score}`);
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}
