/**
 * "Money spent in a community" (docs/domain/portal.md): every payment of a project is shared among the needs the
 * project answers, in equal parts, and each need's part counts for the community that raised it. Fen are never
 * split: the parts are the integer quotient, and the fen left over go one each to the first needs in ascending id
 * order — so the parts of a payment always add up to it exactly, and the same data always give the same parts.
 */
export function apportionEqually(amountFen: bigint, needIds: readonly number[]): Map<number, bigint> {
  const ids = [...new Set(needIds)].sort((a, b) => a - b);
  const out = new Map<number, bigint>();
  if (ids.length === 0) return out;
  if (amountFen < 0n) throw new RangeError('a payment is not negative');
  const n = BigInt(ids.length);
  const base = amountFen / n;
  let rest = amountFen % n;
  for (const id of ids) {
    out.set(id, base + (rest > 0n ? 1n : 0n));
    if (rest > 0n) rest--;
  }
  return out;
}

/** The part of `amountFen` a community gets of a project whose needs are `needs` (need id → community id). */
export function communityShare(
  amountFen: bigint,
  needs: ReadonlyArray<{ needId: number; communityId: number }>,
  communityId: number,
): bigint {
  const parts = apportionEqually(
    amountFen,
    needs.map((n) => n.needId),
  );
  let share = 0n;
  for (const n of needs) if (n.communityId === communityId) share += parts.get(n.needId) ?? 0n;
  return share;
}
