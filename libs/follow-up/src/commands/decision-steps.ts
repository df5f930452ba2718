import { PoolClient } from 'pg';
import {
  AppendResult,
  ConcurrencyError,
  EventStore,
  ExpectedVersion,
  NewEvent,
  StoredEvent,
} from '@liaison/event-store';
import { AgencyInfo, Decider, DomainError, DomainEvent, foldEvents, PersonInfo } from '../domain';
import { CommandMeta, eventMetadata } from './command-meta';
import { boundEventIds } from './idempotent-ids';
import { LoadedStream, StreamStateCache } from './stream-state-cache';

export interface RunResult {
  version: number;
  position: number;
  changed: boolean;
}

/** A stream as loaded for a decision: its folded state, where it stood, and its events. */
export interface LoadedHistory<S> extends LoadedStream<S> {
  events: readonly StoredEvent[];
}

/** The command chosen for a loaded stream, and what its sender wants back with the outcome. */
export interface Planned<C, T> {
  command: C;
  meta: CommandMeta;
  attached: T;
  /** The people the command names, as the handler looked them up (the rules' context). */
  people?: ReadonlyMap<string, PersonInfo>;
}

/** A stream to decide on: its command is chosen once the stream is loaded. */
export interface Pending<C, S, T> {
  streamId: string;
  /**
   * The command for the stream as loaded; none leaves it alone. Called again, on the stream
   * as read anew, when it moved before the append.
   */
  plan(
    stream: LoadedHistory<S>,
    agencies: ReadonlyMap<string, AgencyInfo>,
  ): Planned<C, T> | undefined;
}

/** What became of a planned command. */
export type Outcome<S, T> =
  | {
      kind: 'decided';
      streamId: string;
      attached: T;
      /** `changed: false` when the rules found nothing to do. */
      result: RunResult;
      /** How many events were appended. */
      events: number;
      /** The stream after the decision (in a caller's transaction: once it commits). */
      after: LoadedStream<S>;
    }
  | {
      kind: 'refused';
      streamId: string;
      attached: T;
      /** The rules' refusal, or a stream that was not at the version of `If-Match`. */
      error: DomainError | ConcurrencyError;
    };

/** An outcome of one round: a stream that another writer moved meanwhile may go round again. */
type RoundOutcome<S, T> =
  | Outcome<S, T>
  | { kind: 'moved'; streamId: string; attached: T; meta: CommandMeta; error: ConcurrencyError };

/** A planned command on a stream as loaded. */
export interface Decidable<C, S, T> extends Planned<C, T> {
  streamId: string;
  loaded: LoadedStream<S>;
}

/** Where the steps read and append, and what they may keep. */
export type StepOptions = {
  /** Whole histories (from version 1) the caller already holds: decided on without a read. */
  known?: ReadonlyMap<string, readonly StoredEvent[]>;
} & (
  | {
      /** Read and append inside the caller's transaction; the caller commits. */
      tx: PoolClient;
      /** Nothing uncommitted is cached: a rolled-back state could pass a later version check. */
      cache?: never;
    }
  | { tx?: undefined; cache?: StreamStateCache }
);

/** Decisions on a stream that another writer moved meanwhile, before the caller gets a 409. */
const MAX_TRIES = 8;

/**
 * The steps every command takes to the log, for one stream (DecisionRunner.run) or for a batch
 * of streams (DecisionRunner.runBatch): load, decide, append at the version loaded, and on a
 * version conflict load and decide again, a few times. One definition for both: a single
 * command is a batch of one, outside any transaction.
 */
export class DecisionSteps {
  constructor(private readonly store: EventStore) {}

  /** The stream as stored now. */
  async load<C, S, E>(
    decider: Decider<C, S, E>,
    streamId: string,
    tx?: PoolClient,
  ): Promise<LoadedHistory<S>> {
    const events = tx
      ? ((await this.store.readStreams([streamId], tx)).get(streamId) ?? [])
      : await this.store.readStream(streamId);
    return loadedFrom(decider, events);
  }

  /**
   * Loads the streams (or takes the known histories), plans and decides each, appends; those
   * that moved meanwhile go round again. Outcomes come in the order the streams were settled.
   */
  async settle<C, S, E extends DomainEvent, T>(
    decider: Decider<C, S, E>,
    streams: readonly Pending<C, S, T>[],
    agencies: () => Promise<ReadonlyMap<string, AgencyInfo>>,
    options: StepOptions = {},
  ): Promise<Outcome<S, T>[]> {
    const { tx, cache } = options;
    const outcomes: Outcome<S, T>[] = [];
    let known = options.known;
    let pending = streams;
    for (let attempt = 1; ; attempt++) {
      const toRead = pending.map((p) => p.streamId).filter((id) => !known?.has(id));
      const histories = await this.read(toRead, tx);
      const directory = await agencies();
      const planned: Decidable<C, S, T>[] = [];
      for (const p of pending) {
        const stream = loadedFrom(decider, known?.get(p.streamId) ?? histories.get(p.streamId)!);
        const { state, version, position } = stream;
        cache?.set(p.streamId, { state, version, position });
        const plan = p.plan(stream, directory);
        if (plan) planned.push({ ...plan, streamId: p.streamId, loaded: stream });
      }
      known = undefined; // a known history that moved is read like any other
      const round = await this.decideAndAppend(decider, planned, directory, tx);
      const moved = new Map<string, ConcurrencyError>();
      for (const o of round) {
        if (o.kind === 'decided') cache?.set(o.streamId, o.after);
        if (o.kind !== 'moved') {
          outcomes.push(o);
          continue;
        }
        cache?.forget(o.streamId);
        const { streamId, attached, error } = o;
        // Without `If-Match` the sender asked for no version check: decided again on the news.
        if (o.meta.expectedVersion === undefined) moved.set(streamId, error);
        else outcomes.push({ kind: 'refused', streamId, attached, error });
      }
      if (moved.size === 0) return outcomes;
      if (attempt >= MAX_TRIES) throw moved.values().next().value;
      // Spread the contenders out: each round lets at least one of them through.
      await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 10)));
      pending = pending.filter((p) => moved.has(p.streamId));
    }
  }

  /**
   * One round: decides each command on its stream as loaded, then appends all that decided
   * something, each at the version it was loaded at. Outcomes come in the commands' order.
   */
  async decideAndAppend<C, S, E extends DomainEvent, T>(
    decider: Decider<C, S, E>,
    commands: readonly Decidable<C, S, T>[],
    agencies: ReadonlyMap<string, AgencyInfo>,
    tx?: PoolClient,
  ): Promise<RoundOutcome<S, T>[]> {
    const now = new Date();
    const outcomes: RoundOutcome<S, T>[] = [];
    const toAppend: { at: number; c: Decidable<C, S, T>; events: E[] }[] = [];
    for (const c of commands) {
      const { streamId, attached, loaded, meta, people } = c;
      try {
        // The rules run first: who may not see the stream learns nothing, not even its version.
        const events = decider.decide(c.command, loaded.state, {
          actor: meta.actor,
          now,
          agencies,
          ...(people && { people }),
        });
        if (meta.expectedVersion !== undefined && meta.expectedVersion !== loaded.version) {
          throw new ConcurrencyError(streamId, meta.expectedVersion, loaded.version);
        }
        const unchanged = { version: loaded.version, position: loaded.position, changed: false };
        if (events.length > 0) toAppend.push({ at: outcomes.length, c, events });
        outcomes.push({
          kind: 'decided',
          streamId,
          attached,
          result: unchanged,
          events: 0,
          after: loaded,
        });
      } catch (err) {
        if (!(err instanceof DomainError || err instanceof ConcurrencyError)) throw err;
        outcomes.push({ kind: 'refused', streamId, attached, error: err });
      }
    }
    const appended = await this.append(
      toAppend.map(({ c, events }) => ({
        streamId: c.streamId,
        events: newEvents(events, c.meta),
        expectedVersion: c.loaded.version === 0 ? 'no_stream' : c.loaded.version,
      })),
      tx,
    );
    toAppend.forEach(({ at, c, events }, i) => {
      const { streamId, attached, meta } = c;
      const written = appended[i];
      if (written instanceof ConcurrencyError) {
        outcomes[at] = { kind: 'moved', streamId, attached, meta, error: written };
        return;
      }
      const { version, position } = written;
      const state = foldEvents(decider, events, c.loaded.state);
      const result = { version, position, changed: true };
      const after = { state, version, position };
      outcomes[at] = { kind: 'decided', streamId, attached, result, events: events.length, after };
    });
    return outcomes;
  }

  private async read(streamIds: string[], tx?: PoolClient): Promise<Map<string, StoredEvent[]>> {
    if (tx) return this.store.readStreams(streamIds, tx);
    // Outside a transaction, concurrent commands' reads are coalesced by the store.
    const read = streamIds.map(async (id) => [id, await this.store.readStream(id)] as const);
    return new Map(await Promise.all(read));
  }

  /** Each stream's events at its expected version; a stream that moved meanwhile gets its conflict. */
  private async append(
    appends: { streamId: string; events: NewEvent[]; expectedVersion: ExpectedVersion }[],
    tx?: PoolClient,
  ): Promise<(AppendResult | ConcurrencyError)[]> {
    const moved = (err: unknown) => {
      if (err instanceof ConcurrencyError) return err;
      throw err;
    };
    if (!tx) {
      // The store coalesces the single-event appends of concurrent commands into one statement.
      return Promise.all(
        appends.map(({ streamId, events, expectedVersion }) =>
          this.store.append(streamId, events, { expectedVersion }).catch(moved),
        ),
      );
    }
    const results: (AppendResult | ConcurrencyError)[] = [];
    // In a transaction, every single-event append goes in one statement.
    const singles = appends.filter((a) => a.events.length === 1);
    if (singles.length > 0) {
      const { appended } = await this.store.appendToStreams(
        singles.map(({ streamId, events, expectedVersion }) => ({
          streamId,
          event: events[0],
          expectedVersion,
        })),
        tx,
      );
      const written = new Map(appended.map((a) => [a.streamId, a]));
      appends.forEach(({ streamId, events, expectedVersion }, i) => {
        if (events.length !== 1) return;
        results[i] =
          written.get(streamId) ?? new ConcurrencyError(streamId, expectedVersion, undefined);
      });
    }
    // Several events of one command (a routing failure and its escalation): rare, one by one.
    for (const [i, { streamId, events, expectedVersion }] of appends.entries()) {
      if (events.length === 1) continue;
      try {
        results[i] = await this.store.append(streamId, events, { expectedVersion, client: tx });
      } catch (err) {
        // A writer that committed first leaves the transaction usable (nothing was written);
        // one that had not yet committed made the insert fail, and the transaction with it.
        if (err instanceof ConcurrencyError && err.actual === undefined) throw err;
        results[i] = moved(err);
      }
    }
    return results;
  }
}

function loadedFrom<C, S, E>(
  decider: Decider<C, S, E>,
  events: readonly StoredEvent[],
): LoadedHistory<S> {
  const last = events[events.length - 1];
  return {
    state: foldEvents(decider, events as unknown as E[]),
    version: last?.version ?? 0,
    position: last?.position ?? 0,
    events,
  };
}

/** A command's events as the store takes them: its metadata, and ids bound to its key if any. */
function newEvents(events: readonly DomainEvent[], meta: CommandMeta): NewEvent[] {
  const metadata = eventMetadata(meta);
  const ids = meta.idempotencySeed && boundEventIds(meta.idempotencySeed, events.length);
  return events.map((e, i) => ({
    ...(ids && { eventId: ids[i] }),
    type: e.type,
    data: { ...e.data },
    metadata,
  }));
}
