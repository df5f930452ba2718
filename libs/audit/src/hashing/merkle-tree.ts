import { createHash } from 'node:crypto';
import { sha256 } from './sha256';

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
  /** peaks[i]: root of the perfect subtree of 2^i leaves, present when bit i of size is set. */
  private readonly peaks: (Buffer | undefined)[] = [];

  static restore(size: number, peaks: Buffer[]): MerkleFrontier {
    const f = new MerkleFrontier();
    f.size = size;
    let i = 0;
    for (let bit = 0, rest = size; rest > 0; bit++, rest = Math.floor(rest / 2)) {
      if (rest % 2 === 1) {
        const peak = peaks[i++];
        if (!peak || peak.length !== 32) throw new Error(`frontier lacks the peak for 2^${bit}`);
        f.peaks[bit] = peak;
      }
    }
    if (i !== peaks.length) throw new Error(`frontier has ${peaks.length} peaks, size needs ${i}`);
    return f;
  }

  get count(): number {
    return this.size;
  }

  append(leaf: Buffer): void {
    let node = leaf;
    let bit = 0;
    for (let rest = this.size; rest % 2 === 1; rest = Math.floor(rest / 2), bit++) {
      node = nodeHash(this.peaks[bit] as Buffer, node);
      this.peaks[bit] = undefined;
    }
    this.peaks[bit] = node;
    this.size++;
  }

  /** The root over every leaf so far (RFC 6962: the empty tree's root is H of nothing). */
  root(): Buffer {
    let acc: Buffer | undefined;
    for (const peak of this.peaks) {
      if (peak) acc = acc ? nodeHash(peak, acc) : peak;
    }
    return acc ?? createHash('sha256').digest();
  }

  /** The peaks from the smallest subtree up: what `restore` takes back. */
  snapshot(): Buffer[] {
    return this.peaks.filter((p): p is Buffer => p !== undefined);
  }

  clone(): MerkleFrontier {
    return MerkleFrontier.restore(this.size, this.snapshot());
  }
}

/** 0x01 ‖ left ‖ right, reused: node hashes are most of a tree's cost. */
const nodeInput = Buffer.alloc(65);

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  if (left.length !== 32 || right.length !== 32) throw new Error('Merkle nodes are 32 bytes');
  nodeInput[0] = 1;
  for (let i = 0; i < 32; i++) {
    nodeInput[1 + i] = left[i];
    nodeInput[33 + i] = right[i];
  }
  return sha256(nodeInput);
}

/** Reference implementation straight from RFC 6962 (for tests): MTH over a list of leaf hashes. */
export function merkleRootOf(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return nodeHash(merkleRootOf(leaves.slice(0, k)), merkleRootOf(leaves.slice(k)));
}
