import { randomInt } from 'node:crypto';

import type { TenderMethod } from './state-machines';

/**
 * Bid committee rules (PRODUCT.md §4; 政府采购货物和服务招标投标管理办法 第四十七条, 财政部令第74号
 * 第七条): an odd number, at least 5 members for an open tender and 3 for the other methods, at
 * least two-thirds of them experts drawn at random from the pool; experts with a conflict of
 * interest are excluded (affiliation with a bidder now or in the last 3 years, declared relationships).
 */
export function minimumCommitteeSize(method: TenderMethod): number {
  return method === 'OPEN_TENDER' ? 5 : 3;
}

export function committeeSizeProblem(method: TenderMethod, size: number): string | null {
  const min = minimumCommitteeSize(method);
  if (!Number.isInteger(size) || size < min) return `The committee needs at least ${min} members for this method.`;
  if (size % 2 === 0) return 'The committee must have an odd number of members.';
  if (size > 21) return 'A committee has at most 21 members.';
  return null;
}

/** Experts drawn at random must be at least two-thirds of the committee; the rest may be purchaser representatives. */
export function minimumDrawnExperts(size: number): number {
  return Math.ceil((size * 2) / 3);
}

export const CONFLICT_LOOKBACK_YEARS = 3;

export interface Affiliation {
  organisationId: number;
  /** YYYY-MM-DD; null while it lasts. */
  endedOn: string | null;
}

/** Why an expert may not sit on a committee judging these bidders, or null. */
export function conflictOf(
  affiliations: readonly Affiliation[],
  declaredOrganisationIds: readonly number[],
  bidderOrganisationIds: readonly number[],
  today: string,
  nameOf: (organisationId: number) => string = (id) => `#${id}`,
): string | null {
  const bidders = new Set(bidderOrganisationIds);
  const cutoff = `${Number(today.slice(0, 4)) - CONFLICT_LOOKBACK_YEARS}${today.slice(4)}`;
  for (const a of affiliations) {
    if (!bidders.has(a.organisationId)) continue;
    if (a.endedOn === null) return `现任投标人「${nameOf(a.organisationId)}」职务`;
    if (a.endedOn >= cutoff)
      return `${a.endedOn} 前曾任职于投标人「${nameOf(a.organisationId)}」（${CONFLICT_LOOKBACK_YEARS} 年内）`;
  }
  const declared = declaredOrganisationIds.find((id) => bidders.has(id));
  return declared === undefined ? null : `已申报与投标人「${nameOf(declared)}」存在利害关系`;
}

/** A uniform random sample of `n` ids (Fisher–Yates on a copy, cryptographic randomness). */
export function drawAtRandom<T>(pool: readonly T[], n: number, rand: (max: number) => number = randomInt): T[] {
  if (n > pool.length) throw new RangeError('not enough candidates');
  const a = [...pool];
  for (let i = 0; i < n; i++) {
    const j = i + rand(a.length - i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}
