import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { EventStore } from '@liaison/event-store';
import { PG_POOL } from '@liaison/platform';
import { RecordClocks } from './clocks/record-clocks';
import { RecordDisposer } from './disposal/record-disposer';
import { RecordQueries } from './reading/record-queries';
import { RecordsClock } from './records-clock';
import { RecordWriter } from './writing/record-writer';

/** Records management (공공기록물 관리법). Needs the platform's pool and the event store. */
@Module({
  providers: [
    RecordsClock,
    // commands
    {
      provide: RecordWriter,
      inject: [PG_POOL, EventStore],
      useFactory: (p: Pool, s: EventStore) => new RecordWriter(p, s),
    },
    {
      provide: RecordDisposer,
      inject: [PG_POOL, EventStore, RecordWriter],
      useFactory: (p: Pool, s: EventStore, w: RecordWriter) => new RecordDisposer(p, s, w),
    },
    // the clocks (the records' projection of the log)
    {
      provide: RecordClocks,
      inject: [PG_POOL, EventStore, RecordWriter],
      useFactory: (p: Pool, s: EventStore, w: RecordWriter) => new RecordClocks(p, s, w),
    },
    // reading
    { provide: RecordQueries, inject: [PG_POOL], useFactory: (p: Pool) => new RecordQueries(p) },
  ],
  exports: [RecordsClock, RecordWriter, RecordDisposer, RecordClocks, RecordQueries],
})
export class RecordsModule {}
