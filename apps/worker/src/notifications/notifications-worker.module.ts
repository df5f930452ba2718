import { Logger, Module } from '@nestjs/common';
import { Pool } from 'pg';
import { PeopleReader } from '@liaison/directory';
import { EventStore } from '@liaison/event-store';
import {
  DigestSender,
  EmailSender,
  MailTransport,
  NOTIFICATIONS_CONFIG,
  NotificationPlanner,
  NotificationQueue,
  NotificationsConfig,
  NotificationsModule,
  NotificationsRelay,
  NotificationSweep,
  PreferencesStore,
  smtpTransport,
} from '@liaison/notifications';
import {
  createRedis,
  DIRECT_PG_POOL,
  LIAISON_CONFIG,
  LiaisonConfig,
  PG_POOL,
} from '@liaison/platform';
import { notificationsPrefix } from './notifications-prefix';
import { notificationJobHandlersProvider } from './notification-job-handlers.provider';
import { NotificationWorkers } from './notification-workers';

const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** Notifications in a worker process: the relay that plans them, the senders, the sweep. */
@Module({
  imports: [NotificationsModule],
  providers: [
    // SMTP and the queue
    {
      provide: MAIL_TRANSPORT,
      inject: [NOTIFICATIONS_CONFIG],
      useFactory: (c: NotificationsConfig) => smtpTransport(c),
    },
    {
      provide: NotificationQueue,
      inject: [NOTIFICATIONS_CONFIG, LIAISON_CONFIG],
      useFactory: (c: NotificationsConfig, platform: LiaisonConfig) => {
        const redis = createRedis(platform, 'producer');
        return new NotificationQueue(redis, c, notificationsPrefix(c, redis));
      },
    },
    // planning (the relay's batch)
    {
      provide: NotificationPlanner,
      inject: [EventStore, PeopleReader, PreferencesStore, NOTIFICATIONS_CONFIG],
      useFactory: (
        s: EventStore,
        p: PeopleReader,
        prefs: PreferencesStore,
        c: NotificationsConfig,
      ) => new NotificationPlanner(s, p, prefs, c),
    },
    {
      // the subscription's session lock needs a connection of its own, not a pooler's
      provide: NotificationsRelay,
      inject: [
        DIRECT_PG_POOL,
        EventStore,
        NotificationPlanner,
        NotificationQueue,
        NOTIFICATIONS_CONFIG,
      ],
      useFactory: (
        pool: Pool,
        s: EventStore,
        planner: NotificationPlanner,
        q: NotificationQueue,
        c: NotificationsConfig,
      ) => new NotificationsRelay(pool, s, planner, q, { pollIntervalMs: c.pollIntervalMs }),
    },
    // sending
    {
      provide: EmailSender,
      inject: [PG_POOL, MAIL_TRANSPORT, NOTIFICATIONS_CONFIG],
      useFactory: (pool: Pool, t: MailTransport | undefined, c: NotificationsConfig) => {
        const logger = new Logger('EmailSender');
        return new EmailSender(pool, t, c, {
          onLostMark: (key, err) =>
            logger.error({ msg: 'sent mark lost: the e-mail may go again', key, err: String(err) }),
        });
      },
    },
    {
      provide: DigestSender,
      inject: [PG_POOL, MAIL_TRANSPORT, PeopleReader, PreferencesStore, NOTIFICATIONS_CONFIG],
      useFactory: (
        pool: Pool,
        t: MailTransport | undefined,
        p: PeopleReader,
        prefs: PreferencesStore,
        c: NotificationsConfig,
      ) => new DigestSender(pool, t, p, prefs, c),
    },
    {
      provide: NotificationSweep,
      inject: [PG_POOL, NotificationQueue, NOTIFICATIONS_CONFIG],
      useFactory: (pool: Pool, q: NotificationQueue, c: NotificationsConfig) =>
        new NotificationSweep(pool, q, c),
    },
    notificationJobHandlersProvider,
    // running them
    NotificationWorkers,
  ],
  exports: [NotificationsRelay],
})
export class NotificationsWorkerModule {}
