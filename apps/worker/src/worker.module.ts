import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@liaison/event-store';
import { LiaisonLoggerModule, MetricsModule, PlatformModule } from '@liaison/platform';

@Module({
  imports: [
    // infrastructure
    PlatformModule,
    LiaisonLoggerModule,
    MetricsModule,
    EventStoreModule,
    CqrsModule.forRoot(),
  ],
})
export class WorkerModule {}
