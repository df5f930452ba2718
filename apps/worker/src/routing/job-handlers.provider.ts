import { Provider } from '@nestjs/common';
import { JobHandlers, requireEveryJobHandled } from '@liaison/routing';
import { JOB_HANDLERS } from './job-handlers.token';
import { DeadlineTimersProcessor } from './deadline-timers.processor';
import { DeliverTaskProcessor } from './deliver-task.processor';
import { ScheduleDeadlinesProcessor } from './schedule-deadlines.processor';
import { UnfinishedJobsSweepProcessor } from './unfinished-jobs-sweep.processor';

/** Which processor handles which job. Boot fails if a declared job is missing here. */
export const jobHandlersProvider: Provider = {
  provide: JOB_HANDLERS,
  inject: [
    DeliverTaskProcessor,
    ScheduleDeadlinesProcessor,
    DeadlineTimersProcessor,
    UnfinishedJobsSweepProcessor,
  ],
  useFactory: (
    delivery: DeliverTaskProcessor,
    scheduler: ScheduleDeadlinesProcessor,
    timers: DeadlineTimersProcessor,
    sweep: UnfinishedJobsSweepProcessor,
  ) => {
    const handlers: JobHandlers = {
      'deliver-task': (payload, job) => delivery.process(payload, job),
      'schedule-deadlines': (payload) => scheduler.process(payload),
      'send-reminder': (payload) => timers.remind(payload),
      'mark-overdue': (payload) => timers.markOverdue(payload),
      'escalate-overdue': (payload) => timers.escalate(payload),
      'sweep-unfinished-jobs': () => sweep.process(),
    };
    requireEveryJobHandled(handlers);
    return handlers;
  },
};
