import { EventStore, StoredEvent } from '@liaison/event-store';

export interface AsOfOptions {
  /** Only events recorded at or before this time. */
  asOf?: Date;
  /** Only events up to this version. */
  toVersion?: number;
}

/** A stream's events exactly as stored (no upcasting), up to a time and/or a version. */
export function streamAsOf(
  store: EventStore,
  streamId: string,
  options: AsOfOptions = {},
): Promise<StoredEvent[]> {
  return store.readStream(streamId, {
    asOf: options.asOf,
    toVersion: options.toVersion,
    raw: true,
  });
}

/** Replays events onto a state with a domain's evolve function: the state as it stood then. */
export function foldAsOf<S, E>(
  events: readonly E[],
  initialState: S,
  evolve: (state: S, event: E) => S,
): S {
  return events.reduce(evolve, initialState);
}
