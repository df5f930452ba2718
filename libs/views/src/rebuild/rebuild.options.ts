import { EventStore } from '@liaison/event-store';
import { Pool } from 'pg';
import { Projection, subscriptionName } from '../projection';

/** Rebuilt tables wait here, under their live names, until the swap moves them. */
export const REBUILD_SCHEMA = 'projection_rebuild';
/** A row touched in several batches is rewritten in each; larger pages mean fewer rewrites
 * (10,000 measured about twice as fast as 5,000 in bench:projections; 20,000 no faster). */
export const DEFAULT_REPLAY_BATCH = 10_000;

export interface RebuildProgress {
  projection: string;
  position: number;
  headPosition: number;
  events: number;
}

export interface RebuildOptions {
  pool: Pool;
  store: EventStore;
  projection: Projection;
  liveSchema?: string;
  batchSize?: number;
  /** Discard a half-done rebuild instead of resuming it. */
  restart?: boolean;
  /** Longest the swap may wait for the live tables before it gives up and tries again. */
  lockTimeoutMs?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

export const rebuildCheckpointName = (projection: Projection): string =>
  `${subscriptionName(projection.name)}:rebuild`;
