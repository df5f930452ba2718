import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@liaison/event-store';
import { AuthGuard, LiaisonLoggerModule, MetricsModule, PlatformModule } from '@liaison/platform';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';

@Module({
  imports: [
    // infrastructure
    PlatformModule,
    LiaisonLoggerModule,
    MetricsModule,
    EventStoreModule,
    CqrsModule.forRoot(),
  ],
  controllers: [
    // operations
    HealthController,
    MetricsController,
  ],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AppModule {}
