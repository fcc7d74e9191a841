/** What other features may use from the needs context. */
export { CampaignsApi } from './data/campaigns.api';
export { NeedsApi } from './data/needs.api';
