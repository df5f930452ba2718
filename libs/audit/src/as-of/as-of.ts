import { EventStore, StoredEvent } from '@liaison/event-store';

export interface AsOfOptions {
  /** Only events recorded at or before this time. */
  asOf?: Date;
  /** Only events up to this version. */
  toVersion?: number;
}

/** How a domain folds its stream (e.g. a follow-up's decider): where it starts, how it moves. */
export interface Fold<S> {
  initialState: S;
  evolve: (state: S, event: StoredEvent) => S;
}

export interface FoldedAsOf<S> {
  /** The last version folded; 0 when there was none. */
  version: number;
  state: S;
  /** The events folded, exactly as stored. */
  events: StoredEvent[];
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

/**
 * A stream as it stood at a time or a version: its events up to that point, read once, and the
 * state they fold to. Times come from the writers' clocks, so the cut is the first version
 * missing from what was recorded by then: a fold never skips a version. The events are kept as
 * stored (their hashes check); the fold sees them through the store's upcasters, as the domain
 * expects its current schema.
 */
export async function readStateAsOf<S>(
  store: EventStore,
  streamId: string,
  options: AsOfOptions,
  fold: Fold<S>,
): Promise<FoldedAsOf<S>> {
  const events = upToFirstGap(await streamAsOf(store, streamId, options));
  const upcast = events.map((e) => store.upcasters.upcast(e));
  return {
    version: events[events.length - 1]?.version ?? 0,
    state: foldAsOf(upcast, fold.initialState, fold.evolve),
    events,
  };
}

/** The events before the first version that is missing (a stream starts at version 1). */
export function upToFirstGap<E extends { version: number }>(events: readonly E[]): E[] {
  const gap = events.findIndex((e, i) => e.version !== i + 1);
  return gap === -1 ? [...events] : events.slice(0, gap);
}

/** Replays events onto a state with a domain's evolve function: the state as it stood then. */
export function foldAsOf<S, E>(
  events: readonly E[],
  initialState: S,
  evolve: (state: S, event: E) => S,
): S {
  return events.reduce(evolve, initialState);
}
