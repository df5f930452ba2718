/** Working-level meeting series (정례 실무 회의): stream `meeting-series-<uuid>`. */
export * from './domain';
export * from './commands/meeting-series.commands.service';
export * from './reading/meeting-series.reader';
export * from './calendar/meeting-series.ics';
export * from './meetings.module';
