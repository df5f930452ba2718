import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { DirectoryModule, PeopleReader } from '@liaison/directory';
import { EventStore } from '@liaison/event-store';
import { PG_POOL } from '@liaison/platform';
import { loadNotificationsConfig } from './config/notifications.config';
import { NOTIFICATIONS_CONFIG } from './notifications.tokens';
import { NotificationsReader } from './reading/notifications-reader';
import { PreferencesStore } from './reading/preferences-store';

/**
 * What the API needs of notifications: the configuration (validated at boot), preferences and
 * the in-app list. The worker's side (relay, senders, sweep) is assembled in apps/worker.
 */
@Module({
  imports: [DirectoryModule],
  providers: [
    // configuration
    { provide: NOTIFICATIONS_CONFIG, useFactory: () => loadNotificationsConfig() },
    // reading and preferences
    {
      provide: PreferencesStore,
      inject: [PG_POOL],
      useFactory: (pool: Pool) => new PreferencesStore(pool),
    },
    {
      provide: NotificationsReader,
      inject: [PG_POOL, EventStore, PeopleReader, PreferencesStore],
      useFactory: (pool: Pool, store: EventStore, people: PeopleReader, prefs: PreferencesStore) =>
        new NotificationsReader(pool, store, people, prefs),
    },
  ],
  exports: [NOTIFICATIONS_CONFIG, PreferencesStore, NotificationsReader, DirectoryModule],
})
export class NotificationsModule {}
