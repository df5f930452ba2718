import { Global, Module } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { EventStore } from './event-store';

/** The event store over the shared pool. */
@Global()
@Module({
  providers: [
    { provide: EventStore, inject: [PG_POOL], useFactory: (pool: Pool) => new EventStore(pool) },
  ],
  exports: [EventStore],
})
export class EventStoreModule {}
