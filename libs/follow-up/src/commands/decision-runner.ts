import { Injectable } from '@nestjs/common';
import { ConcurrencyError, EventStore, StoredEvent } from '@liaison/event-store';
import { AgencyDirectory } from '../agencies/agency-directory';
import { Decider, DomainError, DomainEvent, foldEvents } from '../domain';
import { CommandMeta, eventMetadata } from './command-meta';
import { boundEventIds } from './idempotent-ids';
import { StreamLanes } from './stream-lanes';
import { LoadedStream, StreamStateCache } from './stream-state-cache';

export interface RunResult {
  version: number;
  position: number;
  changed: boolean;
}

/** Decisions on a stream that another writer moved meanwhile, before the caller gets a 409. */
const MAX_TRIES = 8;

/**
 * The one way a command touches the log: take the stream's state, decide, append at the version
 * the state was at.
 *
 * The state comes from this process's cache when it has one, but only an append from it is
 * trusted (a stale version fails the append). A refusal or a "nothing to do" decided on cached
 * state is decided again on the stream as stored: another process may have reassigned or
 * extended the task, and a delivery or a reminder for the new facts must not be dropped.
 *
 * Commands on one stream take turns within the process (StreamLanes). Without `If-Match` the
 * caller asked for no version check, so a writer elsewhere that got in first (the router, a
 * timer, a colleague) only makes the command be decided again on the new state, a few
 * times, before the caller sees a 409. With `If-Match`, a moved stream is the caller's 409.
 *
 * A command bound to an Idempotency-Key (`idempotencySeed`) writes events whose ids derive from
 * the key: before deciding, and again when refused, the log is asked whether an earlier attempt
 * of the same request was applied, and if so its answer is returned. So a retry after a crash
 * between the append and the answer never applies the command twice.
 */
@Injectable()
export class DecisionRunner {
  private readonly cache = new StreamStateCache();
  private readonly lanes = new StreamLanes();

  constructor(
    private readonly store: EventStore,
    private readonly agencies: AgencyDirectory,
  ) {}

  /** The stream as stored now (queries use this: never the cache). */
  async load<C, S, E>(decider: Decider<C, S, E>, streamId: string): Promise<LoadedStream<S>> {
    const events: StoredEvent[] = await this.store.readStream(streamId);
    const last = events[events.length - 1];
    return {
      state: foldEvents(decider, events as unknown as E[]),
      version: last?.version ?? 0,
      position: last?.position ?? 0,
    };
  }

  run<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    meta: CommandMeta,
  ): Promise<RunResult> {
    return this.lanes.run(streamId, () => this.runNow(decider, streamId, command, meta));
  }

  private async runNow<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    meta: CommandMeta,
  ): Promise<RunResult> {
    const seed = meta.idempotencySeed;
    const earlier = seed === undefined ? undefined : await this.earlierAttempt(streamId, seed);
    if (earlier) return earlier;
    try {
      return await this.decideOnLatest(decider, streamId, command, meta);
    } catch (err) {
      // Refused because the first attempt of this very request got in meanwhile: its answer.
      const refused = err instanceof ConcurrencyError || err instanceof DomainError;
      const applied = seed !== undefined && refused && (await this.earlierAttempt(streamId, seed));
      if (applied) return applied;
      throw err;
    }
  }

  private async decideOnLatest<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    meta: CommandMeta,
  ): Promise<RunResult> {
    const cached = this.cache.get<S>(streamId);
    if (cached && (meta.expectedVersion === undefined || meta.expectedVersion === cached.version)) {
      try {
        const result = await this.decideAndAppend(decider, streamId, command, meta, cached);
        if (result.changed) return result;
      } catch (err) {
        if (!(err instanceof ConcurrencyError || err instanceof DomainError)) throw err;
      }
      this.cache.forget(streamId); // stale, perhaps: decide again on the stored stream
    }
    for (let attempt = 1; ; attempt++) {
      const stored = await this.load(decider, streamId);
      this.cache.set(streamId, stored);
      try {
        return await this.decideAndAppend(decider, streamId, command, meta, stored);
      } catch (err) {
        const retry =
          err instanceof ConcurrencyError &&
          meta.expectedVersion === undefined &&
          attempt < MAX_TRIES;
        if (!retry) throw err;
        this.cache.forget(streamId);
        // Spread the contenders out: each round lets at least one of them through.
        await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 10)));
      }
    }
  }

  private async decideAndAppend<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    meta: CommandMeta,
    loaded: LoadedStream<S>,
  ): Promise<RunResult> {
    const ctx = { actor: meta.actor, now: new Date(), agencies: await this.agencies.snapshot() };
    // The rules run first: who may not see the stream learns nothing, not even its version.
    const events = decider.decide(command, loaded.state, ctx);
    if (meta.expectedVersion !== undefined && meta.expectedVersion !== loaded.version) {
      throw new ConcurrencyError(streamId, meta.expectedVersion, loaded.version);
    }
    if (events.length === 0) {
      return { version: loaded.version, position: loaded.position, changed: false };
    }
    const metadata = eventMetadata(meta);
    const ids = meta.idempotencySeed && boundEventIds(meta.idempotencySeed, events.length);
    const result = await this.store.append(
      streamId,
      events.map((e, i) => ({
        ...(ids && { eventId: ids[i] }),
        type: e.type,
        data: { ...e.data },
        metadata,
      })),
      { expectedVersion: loaded.version === 0 ? 'no_stream' : loaded.version },
    );
    this.cache.set(streamId, {
      state: foldEvents(decider, events, loaded.state),
      version: result.version,
      position: result.position,
    });
    return { version: result.version, position: result.position, changed: true };
  }

  /** What an earlier attempt of the same keyed request wrote, if it was applied. */
  private async earlierAttempt(streamId: string, seed: string): Promise<RunResult | undefined> {
    const stored = await this.store.lastStoredOf(boundEventIds(seed));
    if (!stored) return undefined;
    if (stored.streamId !== streamId) {
      throw new Error(`Idempotency-Key bound to ${stored.streamId}, not ${streamId}`);
    }
    return { version: stored.version, position: stored.position, changed: true };
  }
}
