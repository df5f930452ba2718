import { Inject, Injectable } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { ConcurrencyError, EventStore, NewEvent, StoredEvent } from '@liaison/event-store';
import { inTransaction, PG_POOL } from '@liaison/platform';
import {
  COUNTERPART_EVENT_SCHEMA_VERSION,
  counterpartRequestStreamId,
  CounterpartCommand,
  CounterpartEvent,
  CounterpartRequestState,
  CounterpartStateError,
  decide,
  fold,
} from '../domain';
import { writeCounterpartRow } from '../tables/counterpart-requests.table';
import { CounterpartCommandMeta, derivedUuid, eventMetadata } from './counterpart-command-meta';

export interface CounterpartWriteResult {
  id: string;
  version: number;
  position: number;
  /** What this command appended (none when the rules found nothing to do). */
  events: CounterpartEvent[];
  state: CounterpartRequestState;
}

/** The command, made from the state it is decided on (a link's checks, a reminder's due time). */
export type CommandFor =
  CounterpartCommand | ((state: CounterpartRequestState) => CounterpartCommand);

const MAX_TRIES = 5;

/**
 * Load the stream, decide, append at the version loaded, write the read row: one transaction,
 * so "what is still owed" never lags the log and a burnt link is burnt for the next request.
 * The same steps as the directory's writer (a lib may not import another domain lib's).
 */
@Injectable()
export class CounterpartWriter {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  async write(
    requestId: string,
    command: CommandFor,
    meta: CounterpartCommandMeta,
    options: { eventIds?: string[]; now?: Date } = {},
  ): Promise<CounterpartWriteResult> {
    const eventIds =
      options.eventIds ??
      (meta.idempotencySeed === undefined
        ? undefined
        : [0, 1].map((i) => derivedUuid(meta.idempotencySeed!, `counterparts:event:${i}`)));
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await inTransaction(this.pool, (tx) =>
          this.decideAndAppend(requestId, command, meta, eventIds, options.now, tx),
        );
        if (result.events.length > 0) this.store.announceAppends();
        return result;
      } catch (err) {
        if (
          err instanceof ConcurrencyError &&
          meta.expectedVersion === undefined &&
          attempt < MAX_TRIES
        ) {
          await new Promise((r) => setTimeout(r, attempt * (5 + Math.random() * 10)));
          continue;
        }
        throw openAlready(err) ?? err;
      }
    }
  }

  /** The request's events and state, for reads that must agree with the rules. */
  async load(
    requestId: string,
    db?: PoolClient,
  ): Promise<{ history: StoredEvent[]; state: CounterpartRequestState }> {
    const streamId = counterpartRequestStreamId(requestId);
    const history = (await this.store.readStreams([streamId], db)).get(streamId) ?? [];
    return { history, state: fold(history as unknown as CounterpartEvent[]) };
  }

  private async decideAndAppend(
    requestId: string,
    commandFor: CommandFor,
    meta: CounterpartCommandMeta,
    eventIds: string[] | undefined,
    now: Date | undefined,
    tx: PoolClient,
  ): Promise<CounterpartWriteResult> {
    const streamId = counterpartRequestStreamId(requestId);
    const { history, state } = await this.load(requestId, tx);
    const version = history.at(-1)?.version ?? 0;
    // An id this stream already holds: the first attempt of the same command got in. Its answer.
    if (eventIds && history.some((e) => e.eventId === eventIds[0])) {
      return { id: requestId, version, position: history.at(-1)!.position, events: [], state };
    }
    const command = typeof commandFor === 'function' ? commandFor(state) : commandFor;
    const events = decide(command, state, { actor: meta.actor, now: now ?? new Date() });
    if (meta.expectedVersion !== undefined && meta.expectedVersion !== version) {
      throw new ConcurrencyError(streamId, meta.expectedVersion, version);
    }
    if (events.length === 0) {
      return { id: requestId, version, position: history.at(-1)?.position ?? 0, events, state };
    }
    const metadata = eventMetadata(meta);
    const appended = await this.store.append(
      streamId,
      events.map((e, i): NewEvent => ({
        ...(eventIds?.[i] && { eventId: eventIds[i] }),
        type: e.type,
        schemaVersion: COUNTERPART_EVENT_SCHEMA_VERSION,
        data: { ...e.data },
        metadata,
      })),
      { expectedVersion: version === 0 ? 'no_stream' : version, client: tx },
    );
    const stored = await this.load(requestId, tx);
    await writeCounterpartRow(stored.history, tx);
    return {
      id: requestId,
      version: appended.version,
      position: appended.position,
      events,
      state: stored.state,
    };
  }
}

/** A racing draft for the same info request: the table's unique index said so. */
function openAlready(err: unknown): CounterpartStateError | undefined {
  const pg = err as { code?: string; constraint?: string };
  if (pg?.code !== '23505' || pg.constraint !== 'counterpart_requests_one_open') return undefined;
  return new CounterpartStateError(
    'open',
    'The info request already has an open counterpart request',
  );
}
