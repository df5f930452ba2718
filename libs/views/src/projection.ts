import { PoolClient } from 'pg';
import { StoredEvent } from '@liaison/event-store';
import { ViewTable } from './tables/view-table';

/**
 * The part of a stored event projections use. Replays read only these columns, and the data
 * only of the types a projection declares in `readsDataOf` (see rebuild/replay-reader.ts).
 */
export type ProjectedEvent = Pick<
  StoredEvent,
  'position' | 'transactionId' | 'streamId' | 'version' | 'type' | 'data' | 'recordedAt'
>;

/** Where a projection writes and how it fills a gap in a stream (see stream-batch.ts). */
export interface ProjectionContext {
  schema: string;
  readStream: (
    streamId: string,
    fromVersion: number,
    toVersion: number,
  ) => Promise<ProjectedEvent[]>;
}

/** What the rebuild and check need of a table's one definition (tables/view-table.ts). */
export type ProjectionTable = Pick<
  ViewTable<unknown>,
  'name' | 'keyColumn' | 'createTable' | 'createIndexes'
>;

export interface Projection {
  /** Stable name: the subscription is `projection:<name>`. */
  name: string;
  tables: readonly ProjectionTable[];
  /** The streams it reads: every other stream is skipped, in SQL when replaying. */
  streamPrefix: string;
  /** The event types whose data it reads; a replay sends the others without data ({}). */
  readsDataOf: readonly string[];
  /** Applies a batch in the caller's transaction; events at or below a row's version are
   * skipped, so applying the same batch twice changes nothing. */
  apply(events: readonly ProjectedEvent[], tx: PoolClient, ctx: ProjectionContext): Promise<void>;
}

export const LIVE_SCHEMA = 'public';

export const subscriptionName = (projectionName: string): string => `projection:${projectionName}`;
