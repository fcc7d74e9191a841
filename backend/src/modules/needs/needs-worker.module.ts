import { Module } from '@nestjs/common';

import { NeedsProcessor } from './jobs/needs.processor';
import { NeedsModule } from './needs.module';

/** Worker process only: consumes the needs queue (campaign open/close). */
@Module({
  imports: [NeedsModule],
  providers: [NeedsProcessor],
})
export class NeedsWorkerModule {}
