import { CreateEventStore1764300000000 } from './1764300000000-create-event-store';
import { EventsHistoryFilterIndexes1765610000000 } from './1765610000000-events-history-filter-indexes';

/** The event store's tables (events, subscription checkpoints) and the history's indexes. */
export const eventStoreMigrations = [
  CreateEventStore1764300000000,
  EventsHistoryFilterIndexes1765610000000,
];
