/** Given/When/Then for what the frontier's other specs leave open: a clone grows on its own,
 * a restored frontier checks its peaks, and a single leaf is its own root. */
import { randomBytes } from 'node:crypto';
import { MerkleFrontier, merkleRootOf } from './merkle-tree';

const leaves = (n: number) => Array.from({ length: n }, () => randomBytes(32));
const grown = (items: Buffer[]) => {
  const tree = new MerkleFrontier();
  for (const leaf of items) tree.append(leaf);
  return tree;
};

describe('MerkleFrontier, its edges', () => {
  it('given a clone, when either grows, then the other keeps its size and root', () => {
    const items = leaves(5);
    const tree = grown(items.slice(0, 3));
    const copy = tree.clone();
    copy.append(items[3]);
    expect(tree.count).toBe(3);
    expect(tree.root()).toEqual(merkleRootOf(items.slice(0, 3)));
    expect(copy.count).toBe(4);
    expect(copy.root()).toEqual(merkleRootOf(items.slice(0, 4)));
    tree.append(items[4]);
    expect(copy.root()).toEqual(merkleRootOf(items.slice(0, 4)));
  });

  it('given one leaf, then the root is the leaf itself', () => {
    const [leaf] = leaves(1);
    expect(grown([leaf]).root()).toEqual(leaf);
  });

  it('given a frontier of 6 leaves, then its snapshot is its two peaks, smallest first', () => {
    const items = leaves(6);
    const snapshot = grown(items).snapshot();
    expect(snapshot).toEqual([merkleRootOf(items.slice(4, 6)), merkleRootOf(items.slice(0, 4))]);
  });

  it('given a restored frontier, when it grows, then it matches one grown from the start', () => {
    const items = leaves(7);
    const restored = MerkleFrontier.restore(6, grown(items.slice(0, 6)).snapshot());
    expect(restored.count).toBe(6);
    restored.appendDigest(items[6].toString('latin1'));
    expect(restored.root()).toEqual(merkleRootOf(items));
  });

  it.each<[string, number, Buffer[], RegExp]>([
    ['an empty tree with a peak', 0, leaves(1), /1 peaks, size needs 0/],
    ['a size of 1 without its peak', 1, [], /lacks the peak for 2\^0/],
    ['a peak of 33 bytes', 2, [Buffer.alloc(33)], /lacks the peak for 2\^1/],
    ['a peak of 31 bytes', 4, [Buffer.alloc(31)], /lacks the peak for 2\^2/],
    ['one peak too many', 2, leaves(2), /2 peaks, size needs 1/],
  ])('given %s, when restored, then it is refused', (_case, size, peaks, message) => {
    expect(() => MerkleFrontier.restore(size, peaks)).toThrow(message);
  });

  it('given an empty snapshot of size 0, then the empty tree', () => {
    const empty = MerkleFrontier.restore(0, []);
    expect(empty.count).toBe(0);
    expect(empty.root()).toEqual(new MerkleFrontier().root());
  });
});
