import { Injectable } from '@nestjs/common';
import { ConcurrencyError, EventStore, StoredEvent } from '@liaison/event-store';
import { AgencyDirectory } from '../agencies/agency-directory';
import { Decider, DomainError, DomainEvent, foldEvents } from '../domain';
import { CommandMeta, eventMetadata } from './command-meta';
import { StreamStateCache } from './stream-state-cache';

export interface LoadedStream<S> {
  state: S;
  version: number;
  position: number;
}

/**
 * The one way a command touches the log: take the stream's state, decide, append at the version
 * the state was at. The state comes from this process's cache when it has one; a decision on a
 * stale cached state either fails its append (the stream moved: ConcurrencyError) or is refused
 * by the rules — both are then checked once more against the stream as stored, so the cache
 * changes the speed, never the answer. A concurrent writer on the stored state is a 409.
 */
@Injectable()
export class DecisionRunner {
  private readonly cache = new StreamStateCache();

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

  async run<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    meta: CommandMeta,
  ): Promise<{ version: number; position: number; changed: boolean }> {
    const cached = this.cache.get<S>(streamId);
    if (cached && (meta.expectedVersion === undefined || meta.expectedVersion === cached.version)) {
      try {
        return await this.decideAndAppend(decider, streamId, command, meta, cached);
      } catch (err) {
        if (!(err instanceof ConcurrencyError || err instanceof DomainError)) throw err;
        this.cache.forget(streamId); // stale, perhaps: decide again on the stored stream
      }
    }
    const stored = await this.load(decider, streamId);
    this.cache.set(streamId, stored);
    return this.decideAndAppend(decider, streamId, command, meta, stored);
  }

  private async decideAndAppend<C, S, E extends DomainEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: C,
    meta: CommandMeta,
    loaded: LoadedStream<S>,
  ): Promise<{ version: number; position: number; changed: boolean }> {
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
    const result = await this.store.append(
      streamId,
      events.map((e) => ({ type: e.type, data: { ...e.data }, metadata })),
      { expectedVersion: loaded.version === 0 ? 'no_stream' : loaded.version },
    );
    this.cache.set(streamId, {
      state: foldEvents(decider, events, loaded.state),
      version: result.version,
      position: result.position,
    });
    return { version: result.version, position: result.position, changed: true };
  }
}
