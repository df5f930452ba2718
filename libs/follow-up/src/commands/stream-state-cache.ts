/** A stream's folded state and where it stood when folded. */
export interface LoadedStream<S> {
  state: S;
  version: number;
  position: number;
}

/**
 * The last state this process saw of recently used streams, so a command need not re-read and
 * re-fold its stream. Never trusted on its own: an append from it states the cached version, so
 * a stream that moved elsewhere fails the append and the caller re-reads (DecisionRunner).
 * Bounded, least recently used out first.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, LoadedStream<unknown>>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(streamId: string): LoadedStream<S> | undefined {
    const entry = this.entries.get(streamId);
    if (!entry) return undefined;
    this.entries.delete(streamId); // re-insert: Map order is the recency order
    this.entries.set(streamId, entry);
    return entry as LoadedStream<S>;
  }

  set<S>(streamId: string, entry: LoadedStream<S>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  forget(streamId: string): void {
    this.entries.delete(streamId);
  }
}
