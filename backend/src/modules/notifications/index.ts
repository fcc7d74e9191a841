import { NotificationEntity } from './entities/notification.entity';

export { NotificationsModule } from './notifications.module';
export { InboxService } from './services/inbox.service';
export type { NotificationInput } from './services/inbox.service';
/** For the composition root's entity list only. */
export const NOTIFICATIONS_ENTITIES = [NotificationEntity];
