import { Module } from '@nestjs/common';

import { IdentityModule } from '../identity';
import { InboxController } from './http/inbox.controller';
import { InboxService } from './services/inbox.service';

@Module({
  imports: [IdentityModule],
  controllers: [InboxController],
  providers: [InboxService],
  exports: [InboxService],
})
export class NotificationsModule {}
