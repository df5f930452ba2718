import { createHash, hash } from 'node:crypto';

/**
 * The Merkle tree of Certificate Transparency (RFC 6962 §2.1): leaf = H(0x00 ‖ data),
 * node = H(0x01 ‖ left ‖ right), a tree of n leaves splits at the largest power of two below n.
 * Its root over the first n leaves is a fold of the roots of the perfect subtrees that n's
 * binary digits name (the "frontier"), so the tree grows one leaf at a time with O(log n) state
 * and about one node hash per leaf: a seal extends the previous seal's tree without re-reading
 * the log, and its root still commits to every event before it, in order.
 */
export class MerkleFrontier {
  private size = 0;
  /**
   * peaks[i]: root of the perfect subtree of 2^i leaves, present when bit i of size is set. Held
   * as latin1 strings (one character per byte), the form Node's one-shot hash returns cheapest:
   * a Buffer per node hash would cost more than the hashing.
   */
  private peaks: (string | undefined)[] = [];

  static restore(size: number, peaks: Buffer[]): MerkleFrontier {
    const f = new MerkleFrontier();
    f.size = size;
    let i = 0;
    for (let bit = 0, rest = size; rest > 0; bit++, rest = Math.floor(rest / 2)) {
      if (rest % 2 === 1) {
        const peak = peaks[i++];
        if (!peak || peak.length !== 32) throw new Error(`frontier lacks the peak for 2^${bit}`);
        f.peaks[bit] = peak.toString('latin1');
      }
    }
    if (i !== peaks.length) throw new Error(`frontier has ${peaks.length} peaks, size needs ${i}`);
    return f;
  }

  get count(): number {
    return this.size;
  }

  append(leaf: Buffer): void {
    this.appendDigest(leaf.toString('latin1'));
  }

  /** The same with the leaf hash as a latin1 string (what the hot paths have at hand). */
  appendDigest(leaf: string): void {
    if (leaf.length !== 32) throw new Error('Merkle leaves are 32 bytes');
    let node = leaf;
    let bit = 0;
    for (let rest = this.size; rest % 2 === 1; rest = Math.floor(rest / 2), bit++) {
      node = nodeDigest(this.peaks[bit] as string, node);
      this.peaks[bit] = undefined;
    }
    this.peaks[bit] = node;
    this.size++;
  }

  /** The root over every leaf so far (RFC 6962: the empty tree's root is H of nothing). */
  root(): Buffer {
    let acc: string | undefined;
    for (const peak of this.peaks) {
      if (peak) acc = acc ? nodeDigest(peak, acc) : peak;
    }
    return acc === undefined ? createHash('sha256').digest() : Buffer.from(acc, 'latin1');
  }

  /** The peaks from the smallest subtree up: what `restore` takes back. */
  snapshot(): Buffer[] {
    return this.peaks
      .filter((p): p is string => p !== undefined)
      .map((p) => Buffer.from(p, 'latin1'));
  }

  clone(): MerkleFrontier {
    const f = new MerkleFrontier();
    f.size = this.size;
    f.peaks = [...this.peaks];
    return f;
  }
}

/** 0x01 ‖ left ‖ right, reused: node hashes are most of a tree's cost. */
const nodeInput = Buffer.alloc(65);

function nodeDigest(left: string, right: string): string {
  nodeInput[0] = 1;
  nodeInput.write(left, 1, 'latin1');
  nodeInput.write(right, 33, 'latin1');
  return hash('sha256', nodeInput, 'binary');
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  if (left.length !== 32 || right.length !== 32) throw new Error('Merkle nodes are 32 bytes');
  return Buffer.from(nodeDigest(left.toString('latin1'), right.toString('latin1')), 'latin1');
}

/** Reference implementation straight from RFC 6962 (for tests): MTH over a list of leaf hashes. */
export function merkleRootOf(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(merkleRootOf(leaves.slice(0, k)), merkleRootOf(leaves.slice(k)));
}
