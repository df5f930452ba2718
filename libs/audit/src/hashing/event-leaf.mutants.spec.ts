/** The leaf hasher's reused input buffer, at the sizes that make it grow. */
import { createHash } from 'node:crypto';
import { LeafFields, LeafHasher } from './event-leaf';

function reference(f: LeafFields): string {
  const head = Buffer.alloc(14);
  head.writeBigUInt64BE(BigInt(f.position), 1);
  head.writeUInt32BE(f.version, 9);
  head[13] = Math.min(f.hash.length, 255);
  return createHash('sha256').update(head).update(f.hash).update(f.streamId, 'utf8').digest('hex');
}

describe('LeafHasher, when its input must grow', () => {
  it.each<[string, LeafFields]>([
    [
      'a long hash and a short id',
      { position: 5, streamId: 'f-1', version: 1, hash: Buffer.alloc(1100, 3) },
    ],
    [
      'a hash and an id that just fit',
      { position: 6, streamId: 'x'.repeat(978), version: 2, hash: Buffer.alloc(32, 4) },
    ],
    [
      'one byte more than fits',
      { position: 7, streamId: 'x'.repeat(979), version: 3, hash: Buffer.alloc(32, 5) },
    ],
  ])("given %s, then the leaf is the format's, from fields and from bytes", (_case, f) => {
    const hasher = new LeafHasher();
    expect(hasher.hash(f).toString('hex')).toBe(reference(f));
    const id = Buffer.from(f.streamId, 'utf8');
    const src = Buffer.concat([f.hash, id]);
    const digest = hasher.digestBytes(
      f.position,
      f.version,
      src,
      0,
      f.hash.length,
      f.hash.length,
      id.length,
    );
    expect(Buffer.from(digest, 'latin1').toString('hex')).toBe(reference(f));
  });
});
