import type { Campaign, CampaignRequest } from '../../../api';
import { fromLocalDateTime, toLocalDateTime } from '../../../shared/dates';

/** The campaign form as it holds its values (datetime-local texts, the region as a tree-select key). */
export interface CampaignFormValue {
  regionId: string;
  title: string;
  description: string;
  opensAt: string;
  closesAt: string;
  supportsPerResident: number | null;
  minSupportsToShortlist: number | null;
  catalogueVersionId: number | null;
}

/**
 * The rules are frozen once a campaign has opened (409 `CAMPAIGN_RULES_FROZEN`): only a DRAFT whose
 * opening time is still ahead can be edited.
 */
export function isRulesFrozen(campaign: Pick<Campaign, 'status' | 'opensAt'> | null, now: Date = new Date()): boolean {
  if (campaign === null) return false;
  return campaign.status !== 'DRAFT' || Date.parse(campaign.opensAt) <= now.getTime();
}

export function campaignFormValue(c: Campaign): CampaignFormValue {
  return {
    regionId: String(c.regionId),
    title: c.title,
    description: c.description,
    opensAt: toLocalDateTime(c.opensAt),
    closesAt: toLocalDateTime(c.closesAt),
    supportsPerResident: c.supportsPerResident,
    minSupportsToShortlist: c.minSupportsToShortlist,
    catalogueVersionId: c.catalogueVersionId,
  };
}

export type CampaignFormProblem = 'opensAtInvalid' | 'closesAtInvalid' | 'closesBeforeOpens';

/** The body of `POST /campaigns`: local times as UTC instants, or what is wrong with them. */
export function toCampaignRequest(v: CampaignFormValue): {
  body: CampaignRequest | null;
  problems: CampaignFormProblem[];
} {
  const opensAt = fromLocalDateTime(v.opensAt);
  const closesAt = fromLocalDateTime(v.closesAt);
  const problems: CampaignFormProblem[] = [];
  if (!opensAt) problems.push('opensAtInvalid');
  if (!closesAt) problems.push('closesAtInvalid');
  if (opensAt && closesAt && closesAt <= opensAt) problems.push('closesBeforeOpens');
  if (problems.length > 0 || !opensAt || !closesAt) return { body: null, problems };
  return {
    body: {
      regionId: Number(v.regionId),
      title: v.title.trim(),
      description: v.description.trim(),
      opensAt,
      closesAt,
      supportsPerResident: Number(v.supportsPerResident),
      minSupportsToShortlist: Number(v.minSupportsToShortlist),
      catalogueVersionId: Number(v.catalogueVersionId),
    },
    problems,
  };
}

/** The body of `PATCH /campaigns/:id`: only what changed (the region cannot change). */
export function toCampaignPatch(body: CampaignRequest, before: Campaign): Partial<CampaignRequest> {
  const patch: Partial<CampaignRequest> = {};
  if (body.title !== before.title) patch.title = body.title;
  if (body.description !== before.description) patch.description = body.description;
  if (Date.parse(body.opensAt) !== Date.parse(before.opensAt)) patch.opensAt = body.opensAt;
  if (Date.parse(body.closesAt) !== Date.parse(before.closesAt)) patch.closesAt = body.closesAt;
  if (body.supportsPerResident !== before.supportsPerResident) patch.supportsPerResident = body.supportsPerResident;
  if (body.minSupportsToShortlist !== before.minSupportsToShortlist) {
    patch.minSupportsToShortlist = body.minSupportsToShortlist;
  }
  if (body.catalogueVersionId !== before.catalogueVersionId) patch.catalogueVersionId = body.catalogueVersionId;
  return patch;
}
