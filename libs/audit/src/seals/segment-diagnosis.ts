import { BrokenEvent } from '../chains/broken-event';
import { MerkleFrontier } from '../hashing/merkle-tree';
import { LeafList } from './seal-leaves';
import { Seal } from './seal.types';

/** A break in a seal's segment; `inLog`: an event is at that position now (to name it). */
export type SegmentBreak = Pick<BrokenEvent, 'position' | 'problem'> & { inLog: boolean };

/**
 * Names the first event where a seal's segment and the log differ, from the leaves stored with
 * the seal, once they are shown authentic: the tree as it stood before the segment, extended by
 * them, gives the seal's signed root. Without authentic leaves, names the segment.
 */
export function diagnoseSegment(
  seal: Seal,
  before: MerkleFrontier,
  now: LeafList,
  storedLeaves: Buffer | undefined,
  previousUpTo: number,
): SegmentBreak {
  const sealed = storedLeaves && authenticLeaves(seal, before, storedLeaves);
  if (!sealed) {
    return {
      position: now.length > 0 ? now.position(0) : seal.upTo.position,
      inLog: false,
      problem:
        `seal #${seal.sealId}: the ${now.length} events now after position ${previousUpTo} ` +
        `up to ${seal.upTo.position} do not match the ${seal.segmentCount} it sealed ` +
        `(events deleted, inserted, reordered or altered and re-hashed)`,
    };
  }
  const n = Math.min(now.length, sealed.length);
  let i = 0;
  while (i < n && now.position(i) === sealed.position(i) && now.leaf(i).equals(sealed.leaf(i))) i++;
  const at = (j: number) => ({ position: now.position(j), inLog: true });
  const tag = `seal #${seal.sealId}`;
  if (i < n && now.position(i) === sealed.position(i)) {
    return {
      ...at(i),
      problem: `changed since ${tag}: stream, version or hash differ from the sealed event (altered and re-hashed?)`,
    };
  }
  const nowPositions = positionsOf(now);
  const sealedPositions = positionsOf(sealed);
  if (i < sealed.length && !nowPositions.has(sealed.position(i))) {
    return {
      position: sealed.position(i),
      inLog: false,
      problem: `deleted: sealed in ${tag}, now missing`,
    };
  }
  if (i < now.length && !sealedPositions.has(now.position(i))) {
    return {
      ...at(i),
      problem: `not in ${tag}, which covers its place in the log (inserted after sealing)`,
    };
  }
  if (i < now.length) {
    return {
      ...at(i),
      problem: `out of order: ${tag} has it elsewhere in the global order (events swapped or moved)`,
    };
  }
  return {
    position: seal.upTo.position,
    inLog: false,
    problem: `${tag}: the root differs though its events match (an earlier segment is broken)`,
  };
}

function authenticLeaves(seal: Seal, before: MerkleFrontier, bytes: Buffer): LeafList | undefined {
  let list: LeafList;
  try {
    list = LeafList.fromBytes(bytes);
  } catch {
    return undefined;
  }
  const tree = before.clone();
  for (let i = 0; i < list.length; i++) tree.append(list.leaf(i));
  const ok = tree.count === seal.eventCount && tree.root().toString('hex') === seal.merkleRoot;
  return ok ? list : undefined;
}

function positionsOf(list: LeafList): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i < list.length; i++) set.add(list.position(i));
  return set;
}
