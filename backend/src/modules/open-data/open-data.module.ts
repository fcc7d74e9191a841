import { Global, Module } from '@nestjs/common';

import { OpenDataController } from './http/open-data.controller';
import { OpenDataFeed } from './services/open-data-feed.service';
import { OpenDataReleases } from './services/open-data-releases.service';

/**
 * OCDS 1.1 open data. Global like the audit: procurement, contracts and evaluation record their stage changes through
 * {@link OpenDataReleases} without importing this module (and this module imports none of them: it reads their tables
 * with its own SQL).
 */
@Global()
@Module({
  controllers: [OpenDataController],
  providers: [OpenDataReleases, OpenDataFeed],
  exports: [OpenDataReleases],
})
export class OpenDataModule {}
