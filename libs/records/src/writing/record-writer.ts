import { Pool, PoolClient } from 'pg';
import { EventStore, StoredEvent } from '@liaison/event-store';
import { inTransaction } from '@liaison/platform';
import {
  decide,
  defaultRetention,
  fold,
  initialRecord,
  RECORD_EVENT_SCHEMA_VERSION,
  RecordCommand,
  RecordEvent,
  RecordNotFoundError,
  RecordState,
  recordStreamId,
} from '../domain';
import { readRecordRow, writeRecordState } from '../tables/records.table';

/** Who acts on a record, as the event metadata records it. */
export interface RecordActor {
  id: string;
  role: string;
  agency?: string;
  onBehalfOf?: { id: string };
}

export interface RecordWriteResult {
  state: RecordState;
  /** What this command appended, as stored. */
  appended: StoredEvent[];
}

/**
 * Load the record's stream, decide, append, update its row: in the caller's transaction (the
 * clocks' batch, a disposal) or in one of its own. The row's first values (the kind's defaults,
 * set when the clocks met the subject) are the state before the first event.
 */
export class RecordWriter {
  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  async write(
    recordId: string,
    command: RecordCommand,
    actor: RecordActor,
    now: Date,
  ): Promise<RecordWriteResult> {
    const result = await inTransaction(this.pool, (tx) =>
      this.writeIn(tx, recordId, command, actor, now),
    );
    if (result.appended.length > 0) this.store.announceAppends();
    return result;
  }

  async load(tx: PoolClient, recordId: string): Promise<{ state: RecordState; version: number }> {
    const row = await readRecordRow(tx, recordId, true);
    if (!row) throw new RecordNotFoundError(recordId);
    const streamId = recordStreamId(recordId);
    const history = (await this.store.readStreams([streamId], tx)).get(streamId) ?? [];
    const initial = initialRecord(recordId, row.kind, defaultsOf(row, history));
    return {
      state: fold(history as unknown as RecordEvent[], initial),
      version: history.at(-1)?.version ?? 0,
    };
  }

  async writeIn(
    tx: PoolClient,
    recordId: string,
    command: RecordCommand,
    actor: RecordActor,
    now: Date,
  ): Promise<RecordWriteResult> {
    const { state, version } = await this.load(tx, recordId);
    const events = decide(command, state, { actor, now });
    if (events.length === 0) return { state, appended: [] };
    const streamId = recordStreamId(recordId);
    await this.store.append(
      streamId,
      events.map((e) => ({
        type: e.type,
        schemaVersion: RECORD_EVENT_SCHEMA_VERSION,
        data: { ...e.data },
        metadata: {
          actor: actor.id,
          role: actor.role,
          ...(actor.agency ? { agency: actor.agency } : {}),
          correlation_id: `records:${recordId}:${version + 1}`,
          ...(actor.onBehalfOf ? { on_behalf_of: actor.onBehalfOf.id } : {}),
        },
      })),
      { expectedVersion: version === 0 ? 'no_stream' : version, client: tx },
    );
    const appended = (await this.store.readStreams([streamId], tx)).get(streamId)!.slice(version);
    const next = fold(events, state);
    await writeRecordState(tx, next, version + events.length, now);
    return { state: next, appended };
  }
}

/** The row holds the kind's defaults until the first event; after, the events say. */
function defaultsOf(
  row: {
    kind: RecordState['kind'];
    recordClass: RecordState['recordClass'];
    retention: RecordState['retention'];
  },
  history: StoredEvent[],
) {
  return history.length === 0
    ? { recordClass: row.recordClass, retention: row.retention }
    : firstDefaults(row.kind, history);
}

/** Before its first event a record had the defaults its row was created with; the first
 * event that states them (RecordRetentionSet's `previous`, RecordClosed's values) says which. */
function firstDefaults(kind: RecordState['kind'], history: StoredEvent[]) {
  for (const e of history) {
    if (e.type === 'RecordRetentionSet') {
      const previous = e.data.previous as ReturnType<typeof defaultRetention>;
      return previous;
    }
    if (e.type === 'RecordClosed') {
      return {
        recordClass: e.data.recordClass as RecordState['recordClass'],
        retention: e.data.retention as RecordState['retention'],
      };
    }
  }
  return defaultRetention(kind);
}
