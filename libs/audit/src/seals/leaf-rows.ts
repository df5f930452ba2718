import { LeafHasher } from '../hashing/event-leaf';
import { RawRow } from '../reading/keyset-pages';
import { LeafCol } from './global-order';

/** The leaf hash of a raw global-order row (hash column as bytea hex "\x…"). */
export function leafOfRow(hasher: LeafHasher, row: RawRow): Buffer {
  return hasher.hash({
    position: Number(row[LeafCol.Position]),
    streamId: row[LeafCol.StreamId],
    version: Number(row[LeafCol.Version]),
    hash: Buffer.from(row[LeafCol.Hash].slice(2), 'hex'),
  });
}
