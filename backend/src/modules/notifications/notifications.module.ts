import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';

import { Deadlines, QUEUES } from '../../platform/queue';
import { IdentityModule } from '../identity';
import { DeliveriesController } from './http/deliveries.controller';
import { InboxController } from './http/inbox.controller';
import { NotificationPreferencesController } from './http/notification-preferences.controller';
import { DeliveriesService } from './services/deliveries.service';
import { DeliveryOutbox } from './services/delivery-outbox.service';
import { InboxService } from './services/inbox.service';
import { NotificationPreferencesService } from './services/notification-preferences.service';
import { NotificationsDeskProvider } from './services/notifications-desk.provider';

@Module({
  imports: [IdentityModule, BullModule.registerQueue({ name: QUEUES.NOTIFICATIONS })],
  controllers: [InboxController, NotificationPreferencesController, DeliveriesController],
  providers: [
    InboxService,
    DeliveryOutbox,
    NotificationPreferencesService,
    DeliveriesService,
    NotificationsDeskProvider,
  ],
  exports: [InboxService, DeliveryOutbox],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly outbox: DeliveryOutbox,
    @InjectQueue(QUEUES.NOTIFICATIONS) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    this.deadlines.registerSource(this.outbox.source());
  }
}
