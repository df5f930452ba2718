import type { QueryConfig } from 'pg';
import type { PreparedAppend, PreparedEvent } from './append-input';
import { expectedVersionParam } from './append-input';

/**
 * The three append statements. Each finds the stream's head, checks the expected version,
 * numbers the events and chains their hashes in SQL, in one statement. A racing writer for the
 * same version hits the unique (stream_id, version) key, so there is no lock beyond the stream's
 * own rows.
 *
 * They are named: Postgres parses and plans a named statement once per connection, and planning
 * the append cost more than executing it (bench/store.bench.ts).
 */

/**
 * The stream head every append builds on: the stream's last event, joined so that a stream with
 * no events still gives a row (version 0, no hash bytes to chain from).
 */
const headOf = (streamId: string) => `LEFT JOIN LATERAL (
  SELECT version, hash FROM events WHERE stream_id = ${streamId} ORDER BY version DESC LIMIT 1
) AS last ON true`;
const HEAD_VERSION = 'coalesce(last.version, 0)';
const HEAD_HASH = `coalesce(last.hash, ''::bytea)`;

/** chainHash (event-hash.ts) in SQL: SHA-256(previous hash bytes ‖ body). */
const chained = (previousHash: string, body: string) =>
  `sha256(${previousHash} || convert_to(${body}, 'UTF8'))`;

/** The whole WHERE condition of an append: an expected version of null accepts any head. */
const atExpected = (headVersion: string, expected: string) =>
  `${expected} IS NULL OR ${headVersion} = ${expected}`;

const INSERT_EVENTS = `INSERT INTO events
  (stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash)`;

/**
 * Exactly one event, the common case: no recursion, no arrays.
 * $1 stream, $2 event id, $3 type, $4 schema version, $5 data, $6 metadata, $7 body,
 * $8 expected version, $9 recorded at.
 */
const APPEND_ONE_SQL = `
${INSERT_EVENTS}
SELECT $1, ${HEAD_VERSION} + 1, $2::uuid, $3, $4::int, $5::jsonb, $6::jsonb, $9,
       ${chained(HEAD_HASH, '$7::text')}
FROM (SELECT 1) AS one
${headOf('$1')}
WHERE ${atExpected(HEAD_VERSION, '$8::int')}
RETURNING position, version`;

/**
 * A whole batch for one stream; the parameters as for one event, $2–$7 as arrays. The chain
 * walks the body array by index: joining a set in the recursive step made the planner rescan the
 * input once per event (quadratic in the batch size).
 */
const APPEND_BATCH_SQL = `
WITH RECURSIVE
  head AS (
    SELECT ${HEAD_VERSION} AS version, ${HEAD_HASH} AS hash
    FROM (SELECT 1) AS one
    ${headOf('$1')}
  ),
  chain AS (
    SELECT 1 AS ord, h.version + 1 AS version, ${chained('h.hash', '($7::text[])[1]')} AS hash
    FROM head h
    WHERE ${atExpected('h.version', '$8::int')}
    UNION ALL
    SELECT c.ord + 1, c.version + 1, ${chained('c.hash', '($7::text[])[c.ord + 1]')}
    FROM chain c
    WHERE c.ord < cardinality($7::text[])
  )
${INSERT_EVENTS}
SELECT $1, c.version, i.event_id, i.type, i.schema_version, i.data, i.metadata, $9, c.hash
FROM chain c
JOIN unnest($2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[])
  WITH ORDINALITY AS i(event_id, type, schema_version, data, metadata, ord) USING (ord)
ORDER BY c.ord
RETURNING position, version`;

/**
 * One event to each of many streams: concurrent single appends (coalesced) and a router's batch
 * of decisions. A stream not at its expected version gets nothing and is left out of what the
 * statement returns.
 */
const APPEND_TO_STREAMS_SQL = `
${INSERT_EVENTS}
SELECT i.stream_id, ${HEAD_VERSION} + 1, i.event_id, i.type, i.schema_version, i.data,
       i.metadata, i.recorded_at, ${chained(HEAD_HASH, 'i.body')}
FROM unnest($1::text[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[], $6::jsonb[], $7::text[],
            $8::int[], $9::timestamptz[])
  AS i(stream_id, event_id, type, schema_version, data, metadata, body, expected, recorded_at)
${headOf('i.stream_id')}
WHERE ${atExpected(HEAD_VERSION, 'i.expected')}
ORDER BY i.stream_id -- one order for every writer: two statements never wait on each other
RETURNING stream_id, position, version`;

/** What appendToStreamStatement returns: one row per event written, in version order. */
export interface AppendedToStreamRow {
  position: string;
  version: number;
}

/** What appendToStreamsStatement returns: one row per stream written to. */
export interface AppendedRow {
  stream_id: string;
  position: string;
  version: number;
}

/** One stream's events: the single-event statement for one, the batch statement for more. */
export function appendToStreamStatement(
  streamId: string,
  p: PreparedEvent[],
  expected: number | null,
): QueryConfig {
  const { recordedAt } = p[0]; // one append, one time
  if (p.length === 1) {
    const [e] = p;
    return {
      name: 'liaison_append_one',
      text: APPEND_ONE_SQL,
      values: [
        streamId,
        e.eventId,
        e.type,
        e.schemaVersion,
        e.dataJson,
        e.metadataJson,
        e.body,
        expected,
        recordedAt,
      ],
    };
  }
  return {
    name: 'liaison_append_batch',
    text: APPEND_BATCH_SQL,
    values: [
      streamId,
      p.map((e) => e.eventId),
      p.map((e) => e.type),
      p.map((e) => e.schemaVersion),
      p.map((e) => e.dataJson),
      p.map((e) => e.metadataJson),
      p.map((e) => e.body),
      expected,
      recordedAt,
    ],
  };
}

/** One event to each of several distinct streams. */
export function appendToStreamsStatement(appends: PreparedAppend[]): QueryConfig {
  return {
    name: 'liaison_append_to_streams',
    text: APPEND_TO_STREAMS_SQL,
    values: [
      appends.map((a) => a.streamId),
      appends.map((a) => a.event.eventId),
      appends.map((a) => a.event.type),
      appends.map((a) => a.event.schemaVersion),
      appends.map((a) => a.event.dataJson),
      appends.map((a) => a.event.metadataJson),
      appends.map((a) => a.event.body),
      appends.map((a) => expectedVersionParam(a.expected)),
      appends.map((a) => a.event.recordedAt),
    ],
  };
}
