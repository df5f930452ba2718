import { Checkpoint, START } from '@liaison/event-store';
import { Pool } from 'pg';
import { BrokenEvent, BrokenTally } from '../chains/broken-event';
import { LeafHasher } from '../hashing/event-leaf';
import { MerkleFrontier } from '../hashing/merkle-tree';
import { SealKeys } from '../keys/seal-keys';
import { keysetPages } from '../reading/keyset-pages';
import { ReadSnapshot, withReadSnapshot } from '../reading/read-snapshot';
import {
  checkpointOf,
  compareCheckpoints,
  LEAF_PAGE_SQL,
  LeafCol,
  leafPageParams,
} from './global-order';
import { leafOfRow } from './leaf-rows';
import { sealLinkProblem, sealSignatureProblem } from './seal-signing';
import { SealStore, StoredSeal } from './seal-store';
import { Segment } from './segment';
import { diagnoseSegment } from './segment-diagnosis';

export interface SealReport {
  ok: boolean;
  seals: number;
  /** Events read in the global order. */
  checked: number;
  /** Events after the last seal: protected by their chains only until the next seal. */
  unsealed: number;
  broken: number;
  firstBroken?: BrokenEvent;
  lastSeal?: { sealId: number; upTo: Checkpoint; eventCount: number; sealedAt: string };
}

export interface SealVerifyOptions {
  pageSize?: number;
  onProgress?: (checked: number) => void;
}

/**
 * Recomputes the seals from the log: every seal's signature and link to the one before, then
 * the Merkle tree over the global order, compared with each seal's count and root at its
 * checkpoint. A mismatch is located exactly with the seal's stored leaves. After each seal the
 * tree continues from that seal's own (authentic) tree state, so one break is not repeated by
 * every later seal.
 */
export class SealVerifier {
  private readonly store: SealStore;

  constructor(
    private readonly pool: Pool,
    private readonly keys: SealKeys,
  ) {
    this.store = new SealStore(pool);
  }

  verify(options: SealVerifyOptions = {}): Promise<SealReport> {
    return withReadSnapshot(this.pool, (s) => this.verifyIn(s, options));
  }

  async verifyIn(snapshot: ReadSnapshot, options: SealVerifyOptions = {}): Promise<SealReport> {
    const db = snapshot.client;
    const stored = await this.store.all(db);
    const tally = new BrokenTally();
    const signed = stored.map((s, i) => {
      const problem =
        sealSignatureProblem(s.seal, this.keys) ?? sealLinkProblem(s.seal, stored[i - 1]?.seal);
      if (problem) tally.add({ position: s.seal.upTo.position, problem });
      return problem === undefined;
    });

    const hasher = new LeafHasher();
    const segment = new Segment();
    let tree = new MerkleFrontier();
    let before = tree.clone();
    let next = 0; // the seal whose segment is being read
    let checked = 0;
    let unsealed = 0;

    const close = async () => {
      const s = stored[next];
      // An unsigned or unlinked seal was reported above; its root proves nothing either way.
      const matches =
        !signed[next] ||
        (tree.count === s.seal.eventCount && tree.root().toString('hex') === s.seal.merkleRoot);
      if (!matches) {
        const leaves = await this.store.leaves(s.seal.sealId, db);
        const previousUpTo = stored[next - 1]?.seal.upTo.position ?? 0;
        tally.add(diagnoseSegment(s.seal, before, segment, leaves, previousUpTo));
      }
      if (signed[next]) tree = resumeFrom(s) ?? tree;
      before = tree.clone();
      segment.clear();
      next++;
    };

    const pages = keysetPages(db, {
      sql: LEAF_PAGE_SQL,
      start: leafPageParams(START, null),
      keyOf: (row) => leafPageParams(checkpointOf(row), null),
      pageSize: options.pageSize ?? 20_000,
    });
    for await (const rows of pages) {
      for (const row of rows) {
        const at = checkpointOf(row);
        while (next < stored.length && compareCheckpoints(at, stored[next].seal.upTo) > 0) {
          await close();
        }
        checked++;
        if (next === stored.length) {
          unsealed++;
          continue;
        }
        const leaf = leafOfRow(hasher, row);
        tree.append(leaf);
        segment.push(at.position, leaf, row[LeafCol.StreamId], Number(row[LeafCol.Version]));
      }
      options.onProgress?.(checked);
    }
    while (next < stored.length) await close();

    const last = stored[stored.length - 1]?.seal;
    return {
      ok: tally.count === 0,
      seals: stored.length,
      checked,
      unsealed,
      broken: tally.count,
      ...(tally.first ? { firstBroken: tally.first } : {}),
      ...(last
        ? {
            lastSeal: {
              sealId: last.sealId,
              upTo: last.upTo,
              eventCount: last.eventCount,
              sealedAt: last.sealedAt,
            },
          }
        : {}),
    };
  }
}

/** The seal's own tree state, if it gives the seal's signed root (else it cannot be trusted). */
function resumeFrom(s: StoredSeal): MerkleFrontier | undefined {
  try {
    const tree = MerkleFrontier.restore(s.seal.eventCount, s.frontier);
    return tree.root().toString('hex') === s.seal.merkleRoot ? tree : undefined;
  } catch {
    return undefined;
  }
}
