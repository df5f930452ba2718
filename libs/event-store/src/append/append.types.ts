import type { PoolClient } from 'pg';
import type { AppendResult, ExpectedVersion, NewEvent } from '../event.types';

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
  /** Append inside the caller's transaction; the caller commits. */
  client?: PoolClient;
}

/** One event for one stream, as part of appendToStreams. */
export interface StreamAppend {
  streamId: string;
  event: NewEvent;
  expectedVersion?: ExpectedVersion;
}

export interface StreamsAppendResult {
  appended: AppendResult[];
  /** Streams that were not at their expected version: nothing was written to them. */
  conflicts: string[];
}
