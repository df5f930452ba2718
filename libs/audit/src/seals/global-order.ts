import { Checkpoint } from '@liaison/event-store';
import { BinaryTuple } from '../reading/copy-binary';
import { RawRow } from '../reading/keyset-pages';

/**
 * What a seal commits to per event, read in EventStore.readAll order: (transaction id, position),
 * only below the oldest open transaction, so no later commit can land before the checkpoint.
 * Small rows (no data or metadata): the content is covered by the event hash.
 */
export const LEAF_COLUMNS = 'transaction_id, position, stream_id, version, hash';

export const LeafCol = { TransactionId: 0, Position: 1, StreamId: 2, Version: 3, Hash: 4 } as const;
export const LEAF_FIELD_COUNT = Object.keys(LeafCol).length;

/** $1/$2: checkpoint to start after; $3/$4: last checkpoint to include (null: no bound); $5 rows. */
export const LEAF_PAGE_SQL = `SELECT ${LEAF_COLUMNS} FROM events
  WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
    AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    AND ($3::xid8 IS NULL OR (transaction_id, position) <= ($3::xid8, $4::bigint))
  ORDER BY transaction_id, position
  LIMIT $5`;

/** The same rows for one binary COPY over the whole snapshot (no parameters: COPY takes none). */
export const LEAF_COPY_SQL = `SELECT ${LEAF_COLUMNS} FROM events
  WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY transaction_id, position`;

/**
 * A checkpoint as numbers, to compare with binary COPY tuples (xid8 and int8 as 8 big-endian
 * bytes each) without building strings for every row.
 */
export class CheckpointKey {
  private readonly high: number;
  private readonly low: number;
  private readonly position: number;

  constructor(c: Checkpoint) {
    const tx = BigInt(c.transactionId);
    this.high = Number(tx >> 32n);
    this.low = Number(tx & 0xffffffffn);
    this.position = c.position;
  }

  /** Whether this checkpoint comes before the tuple (LeafCol columns, binary) in the log. */
  precedes(t: BinaryTuple): boolean {
    const at = t.starts[LeafCol.TransactionId];
    const high = t.buffer.readUInt32BE(at);
    if (high !== this.high) return high > this.high;
    const low = t.buffer.readUInt32BE(at + 4);
    if (low !== this.low) return low > this.low;
    return t.int64(LeafCol.Position) > this.position;
  }
}

export function leafPageParams(after: Checkpoint, upTo: Checkpoint | null): unknown[] {
  return [after.transactionId, after.position, upTo?.transactionId ?? null, upTo?.position ?? 0];
}

export function checkpointOf(row: RawRow): Checkpoint {
  return { transactionId: row[LeafCol.TransactionId], position: Number(row[LeafCol.Position]) };
}

/** Orders checkpoints as the log does: transaction id (xid8, as decimal text), then position. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const tx = compareDecimal(a.transactionId, b.transactionId);
  return tx !== 0 ? tx : a.position - b.position;
}

function compareDecimal(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
