import { NEEDS_ENTITY_LIST } from './entities/needs.entities';

export { NeedsModule } from './needs.module';
export { NeedsWorkerModule } from './needs-worker.module';
export {
  CampaignsService,
  CAMPAIGN_OPEN_JOB,
  CAMPAIGN_CLOSE_JOB,
  campaignDeadline,
} from './services/campaigns.service';
export { NeedsService } from './services/needs.service';
export { NeedProgress } from './services/need-progress.service';
export type { NeedStatus } from './domain/need.state-machine';
export { NeedsDeskProvider } from './services/needs-desk.provider';
export { buildNeedListQuery, LEVEL_COLUMN } from './services/need-list.query';
export type { NeedListFilter } from './services/need-list.query';
/** For the composition root's entity list only. */
export const NEEDS_ENTITIES = NEEDS_ENTITY_LIST;
