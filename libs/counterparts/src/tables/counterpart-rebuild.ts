import { Pool } from 'pg';
import { EventStore } from '@liaison/event-store';
import { inTransaction } from '@liaison/platform';
import { COUNTERPART_STREAM_PREFIX } from '../domain';
import { writeCounterpartRow } from './counterpart-requests.table';

const BATCH = 500;

/**
 * The read table again from the log, in one transaction (readers see the old rows until it
 * commits): the same fold and the same row writer as each append uses.
 */
export async function rebuildCounterpartRequests(pool: Pool, store: EventStore): Promise<number> {
  return inTransaction(pool, async (tx) => {
    await tx.query('LOCK TABLE counterpart_requests IN EXCLUSIVE MODE');
    await tx.query('DELETE FROM counterpart_requests');
    const { rows } = await tx.query<{ stream_id: string }>(
      `SELECT DISTINCT stream_id FROM events WHERE stream_id LIKE $1 ORDER BY stream_id`,
      [`${COUNTERPART_STREAM_PREFIX}%`],
    );
    const ids = rows.map((r) => r.stream_id);
    for (let i = 0; i < ids.length; i += BATCH) {
      const streams = await store.readStreams(ids.slice(i, i + BATCH), tx);
      for (const history of streams.values()) await writeCounterpartRow(history, tx);
    }
    return ids.length;
  });
}
