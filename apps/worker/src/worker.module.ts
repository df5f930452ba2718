import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CounterpartTimersModule } from '@liaison/counterparts';
import { EventStoreModule } from '@liaison/event-store';
import { LiaisonLoggerModule, MetricsModule, PlatformModule } from '@liaison/platform';
import { SealingWorkerModule } from './audit/sealing-worker.module';
import { WorkerHealthModule } from './health/worker-health.module';
import { ProjectionsWorkerModule } from './projections/projections-worker.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { RoutingWorkerModule } from './routing/routing-worker.module';

@Module({
  imports: [
    // infrastructure
    PlatformModule,
    LiaisonLoggerModule,
    MetricsModule,
    EventStoreModule,
    CqrsModule.forRoot(),
    // read models
    ProjectionsWorkerModule,
    // audit: signed seals over the log
    SealingWorkerModule,
    // routing: relay, router, delivery, deadlines
    RoutingWorkerModule,
    // notifications: in-app list and e-mail (relay, senders, digest sweep)
    NotificationsWorkerModule,
    // requests to outside counterparts: reminders at due times, the sweep for lost ones
    CounterpartTimersModule,
    // operations: heartbeat, /health and /metrics, giving up
    WorkerHealthModule,
  ],
})
export class WorkerModule {}
