import { Pool, PoolClient } from 'pg';
import { Seal } from './seal.types';

interface SealRow {
  seal_id: string;
  previous_seal_id: string | null;
  previous_merkle_root: string | null;
  up_to_transaction_id: string;
  up_to_position: string;
  event_count: string;
  segment_count: string;
  merkle_root: string;
  sealed_at: Date;
  key_id: string;
  signature: string;
  frontier: Buffer;
}

/** A seal with the tree state it ends on (frontier peaks), which the next seal extends. */
export interface StoredSeal {
  seal: Seal;
  frontier: Buffer[];
}

const COLUMNS = `seal_id, previous_seal_id, previous_merkle_root, up_to_transaction_id::text,
  up_to_position, event_count, segment_count, merkle_root, sealed_at, key_id, signature, frontier`;

/** Reads and writes `audit_seals` and `audit_seal_leaves` (both append-only). */
export class SealStore {
  constructor(private readonly db: Pool | PoolClient) {}

  async all(db: Pool | PoolClient = this.db): Promise<StoredSeal[]> {
    const { rows } = await db.query<SealRow>(`SELECT ${COLUMNS} FROM audit_seals ORDER BY seal_id`);
    return rows.map(toStored);
  }

  async last(db: Pool | PoolClient = this.db): Promise<StoredSeal | undefined> {
    const { rows } = await db.query<SealRow>(
      `SELECT ${COLUMNS} FROM audit_seals ORDER BY seal_id DESC LIMIT 1`,
    );
    return rows[0] && toStored(rows[0]);
  }

  async leaves(sealId: number, db: Pool | PoolClient = this.db): Promise<Buffer | undefined> {
    const { rows } = await db.query<{ leaves: Buffer }>(
      'SELECT leaves FROM audit_seal_leaves WHERE seal_id = $1',
      [sealId],
    );
    return rows[0]?.leaves;
  }

  async insert(stored: StoredSeal, leaves: Buffer, db: PoolClient): Promise<void> {
    const s = stored.seal;
    await db.query(
      `INSERT INTO audit_seals (seal_id, previous_seal_id, previous_merkle_root,
         up_to_transaction_id, up_to_position, event_count, segment_count, merkle_root,
         sealed_at, key_id, signature, frontier)
       VALUES ($1, $2, $3, $4::xid8, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        s.sealId,
        s.previousSealId,
        s.previousMerkleRoot,
        s.upTo.transactionId,
        s.upTo.position,
        s.eventCount,
        s.segmentCount,
        s.merkleRoot,
        s.sealedAt,
        s.keyId,
        s.signature,
        Buffer.concat(stored.frontier),
      ],
    );
    await db.query('INSERT INTO audit_seal_leaves (seal_id, leaves) VALUES ($1, $2)', [
      s.sealId,
      leaves,
    ]);
  }
}

function toStored(r: SealRow): StoredSeal {
  const frontier: Buffer[] = [];
  for (let at = 0; at + 32 <= r.frontier.length; at += 32) {
    frontier.push(r.frontier.subarray(at, at + 32));
  }
  return {
    seal: {
      sealId: Number(r.seal_id),
      previousSealId: r.previous_seal_id === null ? null : Number(r.previous_seal_id),
      previousMerkleRoot: r.previous_merkle_root,
      upTo: { transactionId: r.up_to_transaction_id, position: Number(r.up_to_position) },
      eventCount: Number(r.event_count),
      segmentCount: Number(r.segment_count),
      merkleRoot: r.merkle_root,
      sealedAt: r.sealed_at.toISOString(),
      keyId: r.key_id,
      signature: r.signature,
    },
    frontier,
  };
}
