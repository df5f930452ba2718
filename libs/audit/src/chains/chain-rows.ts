import { RawRow } from '../reading/keyset-pages';

/** The columns the chain check reads, as raw text, in this order (see the indexes below). */
export const CHAIN_COLUMNS =
  'position, stream_id, version, event_id, type, schema_version, data, metadata, recorded_at, hash';

export const Col = {
  Position: 0,
  StreamId: 1,
  Version: 2,
  EventId: 3,
  Type: 4,
  SchemaVersion: 5,
  Data: 6,
  Metadata: 7,
  RecordedAt: 8,
  /** bytea in hex output: "\x" then 64 hex digits. */
  Hash: 9,
} as const;

/** One stream's rows in version order, for diagnosing a break. */
export const STREAM_ROWS_SQL = `SELECT ${CHAIN_COLUMNS} FROM events
  WHERE stream_id = $1 ORDER BY version`;

export function storedHashHex(row: RawRow): string {
  return row[Col.Hash].slice(2);
}
