import { Module } from '@nestjs/common';
import { CounterpartCommands } from './commands/counterpart-commands';
import { CounterpartWriter } from './commands/counterpart-writer';
import { COUNTERPARTS_CONFIG, loadCounterpartsConfig } from './config/counterparts.config';
import { CounterpartQueries } from './reading/counterpart-queries';
import { BullReminderScheduler, REMINDER_SCHEDULER } from './timers/reminder-scheduler';
import { CounterpartReminderSweep } from './timers/reminder-sweep';
import { CounterpartReminderWorker } from './timers/reminder-worker';

/**
 * Requests to outside counterparts. Needs the platform's pool and Redis and the event store
 * (global modules). The configuration is validated when the module is built: a production API
 * or worker without COUNTERPART_LINK_SECRET refuses to boot.
 */
@Module({
  providers: [
    // configuration
    { provide: COUNTERPARTS_CONFIG, useFactory: () => loadCounterpartsConfig() },
    // commands
    CounterpartWriter,
    CounterpartCommands,
    { provide: REMINDER_SCHEDULER, useClass: BullReminderScheduler },
    // reading
    CounterpartQueries,
    // timers
    CounterpartReminderSweep,
  ],
  exports: [COUNTERPARTS_CONFIG, CounterpartCommands, CounterpartQueries, CounterpartReminderSweep],
})
export class CounterpartsModule {}

/** The worker's part: reminders at due times and the sweep for lost ones. */
@Module({
  imports: [CounterpartsModule],
  providers: [CounterpartReminderWorker],
})
export class CounterpartTimersModule {}
