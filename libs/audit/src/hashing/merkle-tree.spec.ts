import { createHash, randomBytes } from 'node:crypto';
import { LEAF_VECTORS, MERKLE_ROOTS } from '../testing/known-answers';
import { MerkleFrontier, merkleRootOf, nodeHash } from './merkle-tree';

const leaves = (n: number) => Array.from({ length: n }, () => randomBytes(32));
const sha = (...parts: Buffer[]) =>
  parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

describe('MerkleFrontier (RFC 6962 tree, grown one leaf at a time)', () => {
  it('has the RFC 6962 empty root: SHA-256 of nothing', () => {
    expect(new MerkleFrontier().root()).toEqual(sha());
  });

  it('uses 0x01 node hashes: H(0x01 ‖ left ‖ right)', () => {
    const [a, b] = leaves(2);
    expect(nodeHash(a, b)).toEqual(sha(Buffer.from([1]), a, b));
  });

  it('matches the recursive RFC 6962 definition for every size up to 70', () => {
    const all = leaves(70);
    const tree = new MerkleFrontier();
    for (let n = 1; n <= all.length; n++) {
      tree.append(all[n - 1]);
      expect(tree.count).toBe(n);
      expect(tree.root()).toEqual(merkleRootOf(all.slice(0, n)));
    }
  });

  it('splits 3 leaves as ((a, b), c) and 5 as (((a, b), (c, d)), e)', () => {
    const [a, b, c, d, e] = leaves(5);
    expect(merkleRootOf([a, b, c])).toEqual(nodeHash(nodeHash(a, b), c));
    expect(merkleRootOf([a, b, c, d, e])).toEqual(
      nodeHash(nodeHash(nodeHash(a, b), nodeHash(c, d)), e),
    );
  });

  it('restores from a snapshot and keeps growing to the same root (how seals extend)', () => {
    const all = leaves(45);
    const first = new MerkleFrontier();
    all.slice(0, 29).forEach((l) => first.append(l));
    const resumed = MerkleFrontier.restore(29, first.snapshot());
    expect(resumed.root()).toEqual(first.root());
    all.slice(29).forEach((l) => resumed.append(l));
    expect(resumed.root()).toEqual(merkleRootOf(all));
  });

  it('refuses a snapshot that does not fit its size', () => {
    const tree = new MerkleFrontier();
    leaves(6).forEach((l) => tree.append(l)); // 6 = 0b110: two peaks
    expect(() => MerkleFrontier.restore(7, tree.snapshot())).toThrow(/peak/);
    expect(() => MerkleFrontier.restore(4, tree.snapshot())).toThrow(/2 peaks/);
  });

  it('changes its root when any leaf changes, is dropped or two swap', () => {
    const all = leaves(9);
    const root = merkleRootOf(all);
    expect(merkleRootOf([...all.slice(0, 4), randomBytes(32), ...all.slice(5)])).not.toEqual(root);
    expect(merkleRootOf([...all.slice(0, 4), ...all.slice(5)])).not.toEqual(root);
    expect(merkleRootOf([all[1], all[0], ...all.slice(2)])).not.toEqual(root);
  });

  it('gives the known roots over the known leaves', () => {
    const known = LEAF_VECTORS.map((v) => Buffer.from(v.leaf, 'hex'));
    const tree = new MerkleFrontier();
    MERKLE_ROOTS.forEach((root, n) => {
      if (n > 0) tree.append(known[n - 1]);
      expect(tree.root().toString('hex')).toBe(root);
      expect(merkleRootOf(known.slice(0, n)).toString('hex')).toBe(root);
    });
  });

  it('takes only 32-byte leaves and nodes', () => {
    const tree = new MerkleFrontier();
    expect(() => tree.append(Buffer.alloc(31))).toThrow('Merkle leaves are 32 bytes');
    expect(() => tree.appendDigest('x'.repeat(33))).toThrow('Merkle leaves are 32 bytes');
    expect(tree.count).toBe(0);
    const [a] = leaves(1);
    expect(() => nodeHash(a, Buffer.alloc(33))).toThrow('Merkle nodes are 32 bytes');
    expect(() => nodeHash(Buffer.alloc(31), a)).toThrow('Merkle nodes are 32 bytes');
    expect(() => MerkleFrontier.restore(1, [Buffer.alloc(31)])).toThrow(/peak/);
  });
});
