import { Checkpoint } from '@liaison/event-store';
import { BinaryTuple } from '../reading/copy-binary';
import { CheckpointKey, compareCheckpoints, LEAF_FIELD_COUNT, LeafCol } from './global-order';

/** A global-order tuple as binary COPY sends it: xid8 and int8 as 8 big-endian bytes. */
function tupleAt(c: Checkpoint): BinaryTuple {
  const t = new BinaryTuple(LEAF_FIELD_COUNT);
  t.buffer = Buffer.alloc(16);
  t.buffer.writeBigUInt64BE(BigInt(c.transactionId), 0);
  t.buffer.writeBigInt64BE(BigInt(c.position), 8);
  t.starts[LeafCol.TransactionId] = 0;
  t.starts[LeafCol.Position] = 8;
  return t;
}

describe('CheckpointKey', () => {
  it('orders binary tuples as compareCheckpoints orders checkpoints, across 32-bit boundaries', () => {
    const xids = [
      '0',
      '1',
      '4294967295',
      '4294967296',
      '4294967297',
      '8589934591',
      '9007199254740993',
    ];
    const positions = [1, 2, 2 ** 32 - 1, 2 ** 32, 2 ** 40];
    const all = xids.flatMap((transactionId) =>
      positions.map((position) => ({ transactionId, position })),
    );
    for (const a of all) {
      const key = new CheckpointKey(a);
      for (const b of all)
        expect([a, b, key.precedes(tupleAt(b))]).toEqual([a, b, compareCheckpoints(a, b) < 0]);
    }
  });
});
