import { PoolClient, Client } from 'pg';

/**
 * Disposal (공공기록물 관리법: a record whose retention ended, approved by a records officer) is
 * the one exception to the append-only log: the disposed events' `data` is replaced by a
 * tombstone while their stored hashes stay. A verifier cannot recompute such a hash, so it
 * trusts the stored one, but only for an event that is
 *  - marked in `audit_disposed_events` with that very hash, and
 *  - named, with that hash, by the RecordDisposed event the mark points to (an event in the log,
 *    under its own chain and the seals), and
 *  - a tombstone now.
 * A changed event that is not so marked is still reported broken.
 */
export const DISPOSED_EVENTS_TABLE = 'audit_disposed_events';
export const RECORD_DISPOSED = 'RecordDisposed';
export const TOMBSTONE_KEY = '$disposed';

/** One disposed event as RecordDisposed names it. */
export interface DisposedEventRef {
  position: number;
  streamId: string;
  version: number;
  hash: string;
}

/** What a disposed event's data becomes. */
export function tombstoneData(recordId: string, disposalEventId: string) {
  return { [TOMBSTONE_KEY]: { record: recordId, disposal: disposalEventId } };
}

export function isTombstone(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    Object.keys(data).length === 1 &&
    TOMBSTONE_KEY in data
  );
}

/** A tombstone's JSON text as Postgres prints jsonb (checked on the chain check's slow path). */
export function isTombstoneText(json: string): boolean {
  try {
    return isTombstone(JSON.parse(json));
  } catch {
    return false;
  }
}

/**
 * The marks a verifier may trust, read in the caller's snapshot: position → stored hash (hex),
 * only where the RecordDisposed event the mark points to lists the same position and hash.
 */
export async function trustedDisposals(db: PoolClient | Client): Promise<Map<number, string>> {
  const { rows } = await db.query<{ position: string; hash: string }>(
    `SELECT d.position, encode(d.hash, 'hex') AS hash
       FROM ${DISPOSED_EVENTS_TABLE} d
       JOIN events r ON r.position = d.disposal_position AND r.type = '${RECORD_DISPOSED}'
      WHERE r.data -> 'events' @> jsonb_build_array(
              jsonb_build_object('position', d.position, 'hash', encode(d.hash, 'hex')))`,
  );
  return new Map(rows.map((r) => [Number(r.position), r.hash]));
}

/** Disposed events found by a chain check, folded into runs of one stream. */
export interface DisposedRange {
  streamId: string;
  fromVersion: number;
  toVersion: number;
  fromPosition: number;
  toPosition: number;
  events: number;
}

export interface DisposedHit {
  position: number;
  streamId: string;
  version: number;
}

export function disposedRanges(hits: DisposedHit[]): DisposedRange[] {
  const sorted = [...hits].sort((a, b) =>
    a.streamId === b.streamId ? a.version - b.version : a.streamId < b.streamId ? -1 : 1,
  );
  const ranges: DisposedRange[] = [];
  for (const h of sorted) {
    const last = ranges.at(-1);
    if (last && last.streamId === h.streamId && last.toVersion + 1 === h.version) {
      last.toVersion = h.version;
      last.fromPosition = Math.min(last.fromPosition, h.position);
      last.toPosition = Math.max(last.toPosition, h.position);
      last.events++;
    } else {
      ranges.push({
        streamId: h.streamId,
        fromVersion: h.version,
        toVersion: h.version,
        fromPosition: h.position,
        toPosition: h.position,
        events: 1,
      });
    }
  }
  return ranges;
}
