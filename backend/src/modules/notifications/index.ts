import { DeliveryEntity, NotificationPreferencesEntity } from './entities/delivery.entity';
import { NotificationEntity } from './entities/notification.entity';

export { NotificationsModule } from './notifications.module';
export { NotificationsWorkerModule } from './notifications-worker.module';
export { InboxService } from './services/inbox.service';
export type { NotificationInput } from './services/inbox.service';
export { NotificationsDeskProvider } from './services/notifications-desk.provider';
export { DELIVERY_JOB } from './jobs/delivery-deadline';
/** For the composition root's entity list only. */
export const NOTIFICATIONS_ENTITIES = [NotificationEntity, DeliveryEntity, NotificationPreferencesEntity];
