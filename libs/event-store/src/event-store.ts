import type { Pool, PoolClient } from 'pg';
import { prepareStreamAppends, prepareStreamEvents } from './append/append-input';
import type { AppendOptions, StreamAppend, StreamsAppendResult } from './append/append.types';
import { Appender } from './append/appender';
import { CoalescedAppends } from './append/coalesced-appends';
import type { AppendResult, NewEvent, StoredEvent } from './event.types';
import { NotifyThrottle } from './notify-throttle';
import { EventReader, ReadAllOptions, ReadAllResult, ReadStreamOptions } from './read/event-reader';
import { UpcasterRegistry } from './upcasters';

export { EVENTS_CHANNEL } from './notify-throttle';
export type { AppendOptions, StreamAppend, StreamsAppendResult } from './append/append.types';
export type { ReadAllOptions, ReadAllResult, ReadStreamOptions } from './read/event-reader';
export type { EventFilter } from './read/event-filter';

export interface EventStoreOptions {
  /**
   * Coalesce concurrent single-event appends into one statement (default true). Off, each
   * append is a statement of its own (the benchmark measures both).
   */
  coalesce?: boolean;
}

/**
 * The event log's one entrance. The work is done by one piece per job: append-input.ts checks
 * and prepares what is appended, append-statements.ts holds the SQL, appender.ts runs it and
 * answers conflicts and retries, coalesced-appends.ts joins concurrent single appends,
 * notify-throttle.ts wakes subscribers, event-reader.ts reads.
 */
export class EventStore {
  private readonly notifier: NotifyThrottle;
  private readonly reader: EventReader;
  private readonly appender: Appender;
  private readonly singleAppends: CoalescedAppends;

  constructor(
    pool: Pool,
    readonly upcasters: UpcasterRegistry = new UpcasterRegistry(),
    private readonly options: EventStoreOptions = {},
  ) {
    this.notifier = new NotifyThrottle(pool);
    this.reader = new EventReader(pool, upcasters);
    this.appender = new Appender(pool, this.reader, this.notifier);
    this.singleAppends = new CoalescedAppends(pool, this.appender, this.notifier);
  }

  async append(
    streamId: string,
    events: NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedVersion ?? 'any';
    const prepared = prepareStreamEvents(streamId, events, expected);
    if (!options.client && prepared.length === 1 && this.options.coalesce !== false) {
      return this.singleAppends.submit({ streamId, event: prepared[0], expected });
    }
    return this.appender.appendToStream(streamId, prepared, expected, options.client);
  }

  /**
   * Appends one event to each of several distinct streams in one statement, inside the caller's
   * transaction. Streams not at their expected version are skipped and listed as conflicts; a
   * racing writer that has not committed yet makes the statement fail (ConcurrencyError), and
   * the caller's transaction with it.
   */
  async appendToStreams(appends: StreamAppend[], client: PoolClient): Promise<StreamsAppendResult> {
    return this.appender.appendToStreams(prepareStreamAppends(appends), client);
  }

  /** Wakes subscribers after the caller committed appends made in its own transaction. */
  announceAppends(): void {
    this.notifier.schedule();
  }

  /**
   * Where the last of these events stands, if any is stored: how a command bound to an
   * Idempotency-Key finds what its first attempt wrote.
   */
  async lastStoredOf(
    eventIds: string[],
  ): Promise<{ streamId: string; version: number; position: number } | undefined> {
    const last = (await this.reader.placesOf(eventIds)).at(-1);
    return last && { streamId: last.streamId, version: last.version, position: last.position };
  }

  streamVersion(streamId: string, db?: Pool | PoolClient): Promise<number> {
    return this.reader.streamVersion(streamId, db);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.reader.readStream(streamId, options);
  }

  /** Several whole streams in one query, each in version order and upcast as readStream does. */
  readStreams(
    streamIds: readonly string[],
    db?: Pool | PoolClient,
  ): Promise<Map<string, StoredEvent[]>> {
    return this.reader.readStreams(streamIds, db);
  }

  /**
   * Reads the global log after a checkpoint, in (transaction id, position) order, taking only
   * events of transactions older than every transaction still open. A later-committing event
   * with a lower position is therefore never skipped: it is simply not readable yet.
   */
  readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    return this.reader.readAll(options);
  }

  /** Highest global position written so far (for lag metrics). */
  headPosition(): Promise<number> {
    return this.reader.headPosition();
  }
}
