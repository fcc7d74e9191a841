export { OpenDataModule } from './open-data.module';
/** `record(em, projectId, tags, now)` in the transaction of a stage change; `write` for the backfill. */
export { OpenDataReleases, ocidOf } from './services/open-data-releases.service';
export type { ReleaseTag } from './domain/ocds-codes';
export { tenderTransitionTags } from './domain/ocds-codes';
export { backfillOpenData } from './services/open-data-backfill';
