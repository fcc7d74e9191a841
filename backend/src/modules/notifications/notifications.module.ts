import { Module } from '@nestjs/common';

import { InboxController } from './http/inbox.controller';
import { InboxService } from './services/inbox.service';

@Module({
  controllers: [InboxController],
  providers: [InboxService],
  exports: [InboxService],
})
export class NotificationsModule {}
