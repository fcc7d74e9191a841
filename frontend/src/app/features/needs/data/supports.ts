import type { Campaign, MyNeed, NeedSummary } from '../../../api';

/** Needs I support, from `GET /my/needs`. */
export function supportedNeedIds(mine: readonly MyNeed[]): Set<number> {
  return new Set(mine.filter((m) => m.relation === 'SUPPORTED').map((m) => m.need.id));
}

/**
 * My own needs still open for support (at most `limit`): `/my/needs` reports them as SUBMITTED even
 * when I support them too, so their detail (`supportedByMe`) has to tell.
 */
export function ownOpenNeedIds(mine: readonly MyNeed[], limit = 10): number[] {
  return mine
    .filter((m) => m.relation === 'SUBMITTED' && m.need.status === 'ACCEPTED')
    .slice(0, limit)
    .map((m) => m.need.id);
}

/** Support is possible while the campaign is OPEN and the need ACCEPTED, once per resident. */
export function canSupport(
  need: Pick<NeedSummary, 'status'>,
  campaign: Pick<Campaign, 'status'> | undefined,
  supported: boolean,
): boolean {
  return !supported && need.status === 'ACCEPTED' && campaign?.status === 'OPEN';
}

/** A support can be withdrawn while the campaign is OPEN. */
export function canWithdraw(
  need: Pick<NeedSummary, 'status'>,
  campaign: Pick<Campaign, 'status'> | undefined,
  supported: boolean,
): boolean {
  return supported && need.status === 'ACCEPTED' && campaign?.status === 'OPEN';
}
