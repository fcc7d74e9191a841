/**
 * 综合评分法 and 最低评标价法 (PRODUCT.md §4), in exact integer arithmetic. Scores are kept in
 * hundredths of a point ("cents"), rounded half up at each published figure (price score, technical
 * score), as evaluation reports print them with two decimals.
 *
 * - price score = (lowest valid price ÷ this bid's price) × price weight (%) — out of 100 points,
 *   a weight of 30% gives at most 30 points;
 * - technical score = mean over experts of the sum of that expert's criterion scores;
 * - total = price score + technical score;
 * - ranking: total descending; ties — lower price first, then higher technical score; bids still
 *   equal share a rank (the purchaser chooses among the first-ranked).
 */
export interface Criterion {
  code: string;
  /** The most points this criterion can give, in hundredths. */
  maxCents: number;
}

export interface BidToScore {
  bidId: string;
  priceFen: bigint;
  /** expert user id → criterion code → score in hundredths. */
  scores: ReadonlyMap<number, ReadonlyMap<string, number>>;
}

export interface ScoredBid {
  bidId: string;
  priceFen: bigint;
  priceScoreCents: number | null;
  technicalScoreCents: number | null;
  totalCents: number | null;
  rank: number;
}

export type ScoringMethod = 'COMPREHENSIVE' | 'LOWEST_PRICE';

/** Minimum price weight for services (PRODUCT.md §4; 87号令 第五十五条: 服务项目价格分值占总分值的比重不得低于10%). */
export const MIN_SERVICE_PRICE_WEIGHT = 10;

export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n || n < 0n) throw new RangeError('divRoundHalfUp expects n ≥ 0 and d > 0');
  return (2n * n + d) / (2n * d);
}

/** A score in hundredths, computed exactly as a bigint, as a number — refused if it is not a plausible score. */
function scoreAsNumber(cents: bigint): number {
  if (cents < 0n || cents > 100_000_000n) throw new RangeError(`Not a score in hundredths: ${cents}`);
  return Number(cents);
}

/** Price score in hundredths of a point (at most the weight × 100, since no valid price is below the lowest). */
export function priceScoreCents(lowestFen: bigint, priceFen: bigint, priceWeightPct: number): number {
  const cents = divRoundHalfUp(lowestFen * BigInt(priceWeightPct) * 100n, priceFen);
  return scoreAsNumber(cents);
}

/** Mean over experts of each expert's summed criterion scores, in hundredths, rounded half up. */
export function technicalScoreCents(scores: ReadonlyMap<number, ReadonlyMap<string, number>>): number {
  if (scores.size === 0) return 0;
  let sum = 0n;
  for (const perCriterion of scores.values()) for (const s of perCriterion.values()) sum += BigInt(s);
  return scoreAsNumber(divRoundHalfUp(sum, BigInt(scores.size)));
}

/** Checks a scheme: technical maxima + price weight make 100 points; price weight ≥ 10% for services. */
export function schemeProblem(
  method: ScoringMethod,
  priceWeightPct: number,
  criteria: readonly Criterion[],
): string | null {
  if (method === 'LOWEST_PRICE')
    return criteria.length === 0 ? null : 'The lowest-price method has no technical criteria.';
  if (!Number.isInteger(priceWeightPct) || priceWeightPct < MIN_SERVICE_PRICE_WEIGHT || priceWeightPct > 100)
    return `The price weight must be a whole percentage from ${MIN_SERVICE_PRICE_WEIGHT} to 100 for services.`;
  const codes = new Set(criteria.map((c) => c.code));
  if (codes.size !== criteria.length) return 'Criterion codes must be unique.';
  const technical = criteria.reduce((s, c) => s + c.maxCents, 0);
  if (technical + priceWeightPct * 100 !== 10_000)
    return `Technical criteria give ${technical / 100} points and price ${priceWeightPct}: together they must make 100.`;
  if (criteria.some((c) => !Number.isInteger(c.maxCents) || c.maxCents <= 0))
    return 'Every criterion must be worth more than 0 points.';
  return null;
}

/** Null when an expert's score sheet for one bid is complete and within each criterion's maximum. */
export function sheetProblem(criteria: readonly Criterion[], sheet: ReadonlyMap<string, number>): string | null {
  for (const c of criteria) {
    const s = sheet.get(c.code);
    if (s === undefined) return `Criterion ${c.code} has no score.`;
    if (!Number.isInteger(s) || s < 0 || s > c.maxCents)
      return `Criterion ${c.code} must be scored from 0 to ${c.maxCents / 100}.`;
  }
  for (const code of sheet.keys()) if (!criteria.some((c) => c.code === code)) return `There is no criterion ${code}.`;
  return null;
}

export function scoreBids(method: ScoringMethod, priceWeightPct: number, bids: readonly BidToScore[]): ScoredBid[] {
  if (bids.length === 0) return [];
  const lowest = bids.reduce((m, b) => (b.priceFen < m ? b.priceFen : m), bids[0].priceFen);
  const scored = bids.map((b) => {
    if (method === 'LOWEST_PRICE')
      return {
        bidId: b.bidId,
        priceFen: b.priceFen,
        priceScoreCents: null,
        technicalScoreCents: null,
        totalCents: null,
        rank: 0,
      };
    const p = priceScoreCents(lowest, b.priceFen, priceWeightPct);
    const t = technicalScoreCents(b.scores);
    return {
      bidId: b.bidId,
      priceFen: b.priceFen,
      priceScoreCents: p,
      technicalScoreCents: t,
      totalCents: p + t,
      rank: 0,
    };
  });
  const cmp = (a: ScoredBid, b: ScoredBid): number => {
    if (method === 'COMPREHENSIVE' && a.totalCents !== b.totalCents) return (b.totalCents ?? 0) - (a.totalCents ?? 0);
    if (a.priceFen !== b.priceFen) return a.priceFen < b.priceFen ? -1 : 1;
    if (method === 'COMPREHENSIVE' && a.technicalScoreCents !== b.technicalScoreCents)
      return (b.technicalScoreCents ?? 0) - (a.technicalScoreCents ?? 0);
    return 0;
  };
  const sorted = [...scored].sort((a, b) => cmp(a, b) || a.bidId.localeCompare(b.bidId));
  sorted.forEach((s, i) => {
    s.rank = i > 0 && cmp(sorted[i - 1], s) === 0 ? sorted[i - 1].rank : i + 1;
  });
  return sorted;
}

/** "35.5" → 3550 hundredths, exactly (no floating point); the caller has checked the shape (≤ 2 decimals). */
export function pointsToCents(points: string): number {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(points);
  if (!m) throw new RangeError(`Not a score: ${points}`);
  return Number.parseInt(m[1], 10) * 100 + Number.parseInt((m[2] ?? '').padEnd(2, '0'), 10);
}

export function centsToPoints(c: number | null): string | null {
  if (c === null) return null;
  return `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
}
