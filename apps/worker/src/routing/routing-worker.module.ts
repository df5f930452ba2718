import { Module } from '@nestjs/common';
import { RoutingModule, RoutingRelay } from '@liaison/routing';
import { DeadlineTimersProcessor } from './deadline-timers.processor';
import { DeliverTaskProcessor } from './deliver-task.processor';
import { DeliveryDeadLetters } from './delivery-dead-letters';
import { jobHandlersProvider } from './job-handlers.provider';
import { JobRunner } from './job-runner';
import { RoutingWorkers } from './routing-workers';
import { ScheduleDeadlinesProcessor } from './schedule-deadlines.processor';
import { UnfinishedJobsSweepProcessor } from './unfinished-jobs-sweep.processor';

/** The relay (which routes) and the delivery and deadline workers of a worker process. */
@Module({
  imports: [RoutingModule],
  providers: [
    // processors
    DeliverTaskProcessor,
    DeliveryDeadLetters,
    ScheduleDeadlinesProcessor,
    DeadlineTimersProcessor,
    UnfinishedJobsSweepProcessor,
    jobHandlersProvider,
    // running them
    JobRunner,
    RoutingRelay,
    RoutingWorkers,
  ],
  // the worker's health reports the relay
  exports: [RoutingRelay],
})
export class RoutingWorkerModule {}
