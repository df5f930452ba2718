import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@liaison/event-store';
import { LiaisonLoggerModule, MetricsModule, PlatformModule } from '@liaison/platform';
import { ProjectionsWorkerModule } from './projections/projections-worker.module';

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
  ],
})
export class WorkerModule {}
