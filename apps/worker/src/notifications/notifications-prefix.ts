import { NOTIFICATIONS_QUEUE, NotificationsConfig } from '@liaison/notifications';
import { isClustered, queueKeyPrefix } from '@liaison/routing';

/** The queue's key prefix, hash-tagged on a Redis Cluster as the routing queues are. */
export function notificationsPrefix(config: NotificationsConfig, connection: object): string {
  return queueKeyPrefix(config.queuePrefix, NOTIFICATIONS_QUEUE, isClustered(connection));
}
