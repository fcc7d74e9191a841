/** Campaign states (PRODUCT.md §3): DRAFT → OPEN → CLOSED → DECIDED. */
export const CAMPAIGN_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'DECIDED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_TRANSITIONS: ReadonlyArray<{ from: CampaignStatus; to: CampaignStatus; trigger: string }> = [
  { from: 'DRAFT', to: 'OPEN', trigger: 'opens_at reached (job campaign-open)' },
  { from: 'OPEN', to: 'CLOSED', trigger: 'closes_at reached (job campaign-close)' },
  { from: 'CLOSED', to: 'DECIDED', trigger: 'deliberation recorded' },
  { from: 'DECIDED', to: 'DECIDED', trigger: 'a further deliberation recorded' },
];

export function canTransition(from: CampaignStatus, to: CampaignStatus): boolean {
  return CAMPAIGN_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

/** What the database clock says a campaign's status should be, given its window. */
export function dueStatus(status: CampaignStatus, opensAt: Date, closesAt: Date, now: Date): CampaignStatus {
  if (status === 'DRAFT' && now >= closesAt) return 'CLOSED';
  if (status === 'DRAFT' && now >= opensAt) return 'OPEN';
  if (status === 'OPEN' && now >= closesAt) return 'CLOSED';
  return status;
}

/** Supports and submissions are on time only while OPEN and before closes_at, by the database clock. */
export function acceptsInput(status: CampaignStatus, closesAt: Date, now: Date): boolean {
  return status === 'OPEN' && now < closesAt;
}
