import { Module } from '@nestjs/common';
import { NotificationsModule } from '@liaison/notifications';
import { NotificationsController } from './notifications.controller';

/** GET /v1/notifications (the in-app list, mark read) and the caller's preferences. */
@Module({
  imports: [NotificationsModule],
  controllers: [NotificationsController],
})
export class NotificationsApiModule {}
