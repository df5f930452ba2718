import { createHash } from 'node:crypto';
import { LEAF_VECTORS } from '../testing/known-answers';
import { LeafFields, LeafHasher } from './event-leaf';

/** The leaf encoding written out field by field, as the seal format defines it. */
function reference(f: LeafFields): Buffer {
  const head = Buffer.alloc(14);
  head.writeBigUInt64BE(BigInt(f.position), 1);
  head.writeUInt32BE(f.version, 9);
  head[13] = Math.min(f.hash.length, 255);
  return createHash('sha256').update(head).update(f.hash).update(f.streamId, 'utf8').digest();
}

describe('LeafHasher', () => {
  const cases: LeafFields[] = [
    { position: 1, streamId: 'follow-up-1', version: 1, hash: Buffer.alloc(32, 7) },
    { position: 2 ** 40 + 5, streamId: '워크숍-😀', version: 70_000, hash: Buffer.alloc(32, 255) },
    { position: 3, streamId: '', version: 2, hash: Buffer.alloc(5, 1) }, // a hash cut short
    { position: 4, streamId: 'x'.repeat(3000), version: 9, hash: Buffer.alloc(300, 2) },
  ];

  it.each(cases)('hashes fields as the format defines (position $position)', (f) => {
    expect(new LeafHasher().hash(f).toString('hex')).toBe(reference(f).toString('hex'));
  });

  it('gives the same leaf from bytes in a buffer', () => {
    const hasher = new LeafHasher();
    for (const f of cases) {
      const id = Buffer.from(f.streamId, 'utf8');
      const src = Buffer.concat([Buffer.from('junk'), f.hash, id, Buffer.from('more')]);
      const leaf = hasher.digestBytes(
        f.position,
        f.version,
        src,
        4,
        f.hash.length,
        4 + f.hash.length,
        id.length,
      );
      expect(Buffer.from(leaf, 'latin1').toString('hex')).toBe(reference(f).toString('hex'));
    }
    // after the input buffer grew for the big case, a short leaf again: no view of the old buffer
    const [f] = cases;
    const id = Buffer.from(f.streamId);
    const src = Buffer.concat([f.hash, id]);
    const leaf = hasher.digestBytes(f.position, f.version, src, 0, 32, 32, id.length);
    expect(Buffer.from(leaf, 'latin1')).toEqual(reference(f));
  });

  it.each(LEAF_VECTORS)(
    'gives the known answer for position $fields.position',
    ({ fields, leaf }) => {
      const hasher = new LeafHasher();
      expect(hasher.hash(fields).toString('hex')).toBe(leaf);
      const id = Buffer.from(fields.streamId, 'utf8');
      const src = Buffer.concat([fields.hash, id]);
      const digest = hasher.digestBytes(fields.position, fields.version, src, 0, 32, 32, id.length);
      expect(Buffer.from(digest, 'latin1').toString('hex')).toBe(leaf);
    },
  );
});
