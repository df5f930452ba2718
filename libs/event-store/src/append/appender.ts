import { DatabaseError, Pool, PoolClient } from 'pg';
import { ConcurrencyError, DuplicateEventIdError } from '../event-store.errors';
import type { AppendResult, ExpectedVersion } from '../event.types';
import type { NotifyThrottle } from '../notify-throttle';
import type { EventReader } from '../read/event-reader';
import type { StreamsAppendResult } from './append.types';
import { expectedVersionParam, PreparedAppend, PreparedEvent } from './append-input';
import {
  AppendedRow,
  AppendedToStreamRow,
  appendToStreamsStatement,
  appendToStreamStatement,
} from './append-statements';

/**
 * Runs the append statements and turns what they wrote, or why they wrote nothing, into each
 * writer's answer: its version, the original result of an idempotent retry, or a typed error.
 */
export class Appender {
  constructor(
    private readonly pool: Pool,
    private readonly reader: EventReader,
    private readonly notifier: NotifyThrottle,
  ) {}

  /** One statement for one stream's events, in the caller's transaction when given. */
  async appendToStream(
    streamId: string,
    prepared: PreparedEvent[],
    expected: ExpectedVersion,
    client?: PoolClient,
  ): Promise<AppendResult> {
    const db = client ?? this.pool;
    try {
      const { rows } = await db.query<AppendedToStreamRow>(
        appendToStreamStatement(streamId, prepared, expectedVersionParam(expected)),
      );
      if (rows.length === 0) {
        return await this.resolveRejected(streamId, prepared, expected, db);
      }
      if (!client) this.notifier.schedule();
      const last = rows[rows.length - 1];
      return { streamId, version: last.version, position: Number(last.position), appended: true };
    } catch (err) {
      if (isUniqueViolation(err, 'events_event_id_key')) {
        if (client) throw err; // the caller's transaction is aborted; let it decide
        return this.resolveRejected(streamId, prepared, expected, db);
      }
      if (isUniqueViolation(err, 'events_stream_version_key')) {
        throw new ConcurrencyError(streamId, expected, undefined);
      }
      throw err;
    }
  }

  /**
   * One event to each of several distinct streams in one statement: the rows of the streams that
   * were at their expected version. A failure is the caller's to sort out.
   */
  async appendToEachStream(
    db: Pool | PoolClient,
    appends: PreparedAppend[],
  ): Promise<AppendedRow[]> {
    const { rows } = await db.query<AppendedRow>(appendToStreamsStatement(appends));
    return rows;
  }

  /**
   * The same inside the caller's transaction, with the streams not at their expected version
   * listed as conflicts. A racing writer that has not committed yet makes the statement fail
   * (ConcurrencyError), and the caller's transaction with it.
   */
  async appendToStreams(
    appends: PreparedAppend[],
    client: PoolClient,
  ): Promise<StreamsAppendResult> {
    try {
      const rows = await this.appendToEachStream(client, appends);
      const appended = rows.map(toAppendResult);
      const written = new Set(appended.map((a) => a.streamId));
      return {
        appended,
        conflicts: appends.map((p) => p.streamId).filter((s) => !written.has(s)),
      };
    } catch (err) {
      if (isUniqueViolation(err, 'events_stream_version_key')) {
        throw new ConcurrencyError('(several streams)', 'any', undefined);
      }
      throw err;
    }
  }

  /**
   * The append wrote nothing: either every event is already stored (an idempotent retry,
   * answered with the original result) or the stream was not at the expected version.
   */
  async resolveRejected(
    streamId: string,
    prepared: PreparedEvent[],
    expected: ExpectedVersion,
    db: Pool | PoolClient,
  ): Promise<AppendResult> {
    const ids = prepared.map((p) => p.eventId);
    const stored = await this.reader.placesOf(ids, db);
    const elsewhere = stored.find((s) => s.streamId !== streamId);
    if (elsewhere) throw new DuplicateEventIdError(elsewhere.eventId, elsewhere.streamId);
    if (stored.length === ids.length) {
      const last = stored[stored.length - 1];
      return { streamId, version: last.version, position: last.position, appended: false };
    }
    throw new ConcurrencyError(streamId, expected, await this.reader.streamVersion(streamId, db));
  }
}

export function toAppendResult(row: AppendedRow): AppendResult {
  return {
    streamId: row.stream_id,
    version: row.version,
    position: Number(row.position),
    appended: true,
  };
}

/** Unique violation or deadlock: a conflict between writers, decided per append alone. */
export function isRetryableAlone(err: unknown): boolean {
  return err instanceof DatabaseError && (err.code === '23505' || err.code === '40P01');
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  return err instanceof DatabaseError && err.code === '23505' && err.constraint === constraint;
}
