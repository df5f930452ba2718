import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { eventBodyText } from '../event-hash';
import { InvalidAppendError } from '../event-store.errors';
import type { ExpectedVersion, NewEvent } from '../event.types';
import { validateStreamId } from '../stream-id';
import type { StreamAppend } from './append.types';

/**
 * What a writer hands the store, checked and made ready for SQL before anything is sent:
 * canonical JSON written once, the hashed body built, the expected version in its SQL form.
 */

const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,99}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BATCH = 10_000;

export interface PreparedEvent {
  recordedAt: Date;
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  /** The hashed body (event-hash.ts), which the statement chains in SQL. */
  body: string;
}

/** One event for one stream with what its writer expects of the stream. */
export interface PreparedAppend {
  streamId: string;
  event: PreparedEvent;
  expected: ExpectedVersion;
}

/** One stream's events, checked and prepared; all of them recorded at the same time. */
export function prepareStreamEvents(
  streamId: string,
  events: NewEvent[],
  expected: ExpectedVersion,
): PreparedEvent[] {
  expectedVersionParam(expected); // refuses an unknown form before anything else
  validateStreamId(streamId);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must be a non-empty array');
  }
  if (events.length > MAX_BATCH) {
    throw new InvalidAppendError('events', `must hold at most ${MAX_BATCH} events`);
  }
  const recordedAt = new Date();
  return events.map((e, i) => prepareEvent(streamId, e, i, recordedAt));
}

/** One event for each of several distinct streams, checked and prepared. */
export function prepareStreamAppends(appends: StreamAppend[]): PreparedAppend[] {
  if (!Array.isArray(appends) || appends.length === 0) {
    throw new InvalidAppendError('appends', 'must be a non-empty array');
  }
  if (appends.length > MAX_BATCH) {
    throw new InvalidAppendError('appends', `must hold at most ${MAX_BATCH} appends`);
  }
  const recordedAt = new Date();
  const seen = new Set<string>();
  return appends.map((a, i) => {
    validateStreamId(a.streamId);
    if (seen.has(a.streamId)) {
      throw new InvalidAppendError(`appends[${i}].streamId`, 'must not repeat a stream');
    }
    seen.add(a.streamId);
    const expected = a.expectedVersion ?? 'any';
    expectedVersionParam(expected); // refuses an unknown form before anything is sent
    return {
      streamId: a.streamId,
      expected,
      event: prepareEvent(a.streamId, a.event, i, recordedAt),
    };
  });
}

/** The expected version as the statements take it: null for any, 0 for no stream. */
export function expectedVersionParam(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 1) return expected;
  throw new InvalidAppendError(
    'expectedVersion',
    `must be 'any', 'no_stream' or an integer ≥ 1 (got ${JSON.stringify(expected)})`,
  );
}

function prepareEvent(streamId: string, e: NewEvent, i: number, recordedAt: Date): PreparedEvent {
  const at = `events[${i}]`;
  if (typeof e !== 'object' || e === null) throw new InvalidAppendError(at, 'must be an object');
  const eventId = e.eventId ?? randomUUID();
  if (typeof eventId !== 'string' || !UUID.test(eventId)) {
    throw new InvalidAppendError(`${at}.eventId`, 'must be a uuid');
  }
  if (typeof e.type !== 'string' || !EVENT_TYPE.test(e.type)) {
    throw new InvalidAppendError(`${at}.type`, 'must be a PascalCase event name');
  }
  const schemaVersion = e.schemaVersion ?? 1;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new InvalidAppendError(`${at}.schemaVersion`, 'must be a positive integer');
  }
  if (!isPlainObject(e.data)) throw new InvalidAppendError(`${at}.data`, 'must be a JSON object');
  if (!isPlainObject(e.metadata)) {
    throw new InvalidAppendError(`${at}.metadata`, 'must be a JSON object');
  }
  const dataJson = canonicalJson(e.data, `${at}.data`);
  const metadataJson = canonicalJson(e.metadata, `${at}.metadata`);
  const id = eventId.toLowerCase(); // Postgres prints uuids in lower case
  const body = eventBodyText({
    streamId,
    eventId: id,
    type: e.type,
    schemaVersion,
    dataJson,
    metadataJson,
    recordedAtIso: recordedAt.toISOString(),
  });
  return { recordedAt, eventId: id, type: e.type, schemaVersion, dataJson, metadataJson, body };
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
