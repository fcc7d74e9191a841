import { Module } from '@nestjs/common';

import { DeskController } from './http/desk.controller';
import { DeskService } from './services/desk.service';
import { QueuesDeskProvider } from './services/queues-desk.provider';

/**
 * The desk (API process only): aggregates the items the contexts registered in the platform's
 * `DeskRegistry`; it imports no context. The queues' item lives here, read through the platform's
 * `Deadlines` (the queues belong to no context).
 */
@Module({
  controllers: [DeskController],
  providers: [DeskService, QueuesDeskProvider],
})
export class DeskModule {}
