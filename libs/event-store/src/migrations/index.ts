import { CreateEventStore1764300000000 } from './1764300000000-create-event-store';

/** The event store's tables: events and subscription checkpoints. */
export const eventStoreMigrations = [CreateEventStore1764300000000];
