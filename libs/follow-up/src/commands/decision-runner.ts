import { Injectable } from '@nestjs/common';
import { ConcurrencyError, EventStore, StoredEvent } from '@liaison/event-store';
import { AgencyDirectory } from '../agencies/agency-directory';
import { Decider, DomainEvent, foldEvents } from '../domain';
import { CommandMeta } from './command-meta';

export interface LoadedStream<S> {
  state: S;
  version: number;
  position: number;
}

/**
 * The one way a command touches the log: load the stream, fold it, decide, append at the
 * version that was read. A concurrent writer makes the append fail with a ConcurrencyError (409);
 * nothing is retried behind the caller's back, since the decision might differ.
 */
@Injectable()
export class DecisionRunner {
  constructor(
    private readonly store: EventStore,
    private readonly agencies: AgencyDirectory,
  ) {}

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
    const loaded = await this.load(decider, streamId);
    if (meta.expectedVersion !== undefined && meta.expectedVersion !== loaded.version) {
      throw new ConcurrencyError(streamId, meta.expectedVersion, loaded.version);
    }
    const ctx = { actor: meta.actor, now: new Date(), agencies: await this.agencies.snapshot() };
    const events = decider.decide(command, loaded.state, ctx);
    if (events.length === 0)
      return { version: loaded.version, position: loaded.position, changed: false };

    const { actor } = meta;
    const metadata = {
      actor: actor.id,
      role: actor.role,
      ...(actor.agency ? { agency: actor.agency } : {}),
      correlation_id: meta.correlationId,
      ...(meta.causationId ? { causation_id: meta.causationId } : {}),
    };
    const result = await this.store.append(
      streamId,
      events.map((e) => ({ type: e.type, data: { ...e.data }, metadata })),
      { expectedVersion: loaded.version === 0 ? 'no_stream' : loaded.version },
    );
    return { version: result.version, position: result.position, changed: true };
  }
}
