import { Module } from '@nestjs/common';
import { ProjectionsWorkerModule } from '../projections/projections-worker.module';
import { RoutingWorkerModule } from '../routing/routing-worker.module';
import { GiveUpWatch } from './give-up.watch';
import { WorkerHealthServer } from './worker-health.server';
import { WorkerHeartbeat } from './worker-heartbeat';
import { WorkerMetrics } from './worker-metrics';
import { WorkerReadiness } from './worker-readiness';
import { WorkerSubscriptions } from './worker-subscriptions';

/** What the worker says about itself: heartbeat, health and metrics, and when to give up. */
@Module({
  imports: [ProjectionsWorkerModule, RoutingWorkerModule],
  providers: [
    // what it watches
    WorkerSubscriptions,
    // what it says
    WorkerHeartbeat,
    WorkerReadiness,
    WorkerMetrics,
    WorkerHealthServer,
    // when it stops
    GiveUpWatch,
  ],
})
export class WorkerHealthModule {}
