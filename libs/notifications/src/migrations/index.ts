import { CreateNotifications1765107310000 } from './1765107310000-create-notifications';

/** The notifications lib's tables: the in-app list, the e-mail outbox, digests, preferences. */
export const notificationsMigrations = [CreateNotifications1765107310000];
