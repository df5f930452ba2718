import { CreateEventStore1764300000000 } from './1764300000000-create-event-store';

/** Every migration, oldest first. Add new ones at the end. */
export const migrations = [CreateEventStore1764300000000];
