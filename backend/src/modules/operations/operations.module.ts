import { Module } from '@nestjs/common';

import { IdentityModule } from '../identity';
import { BoardSessionController } from './http/board-session.controller';
import { BoardSessionService } from './services/board-session.service';
import { QueueBoard } from './services/queue-board.service';

/**
 * Operations (issue #12): the queue board for administrators — Bull Board over every registered queue, behind the
 * API's access rules (docs/operations.md, "Queue board"). HTTP process only.
 */
@Module({
  imports: [IdentityModule],
  controllers: [BoardSessionController],
  providers: [QueueBoard, BoardSessionService],
  exports: [QueueBoard],
})
export class OperationsModule {}
