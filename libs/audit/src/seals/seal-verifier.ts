import { Checkpoint, START } from '@liaison/event-store';
import { Pool, PoolClient } from 'pg';
import { BrokenEvent, BrokenTally } from '../chains/broken-event';
import { LeafHasher } from '../hashing/event-leaf';
import { MerkleFrontier } from '../hashing/merkle-tree';
import { SealKeys } from '../keys/seal-keys';
import { copyBinaryTuples } from '../reading/copy-binary';
import { keysetPages } from '../reading/keyset-pages';
import { ReadSnapshot, withReadSnapshot } from '../reading/read-snapshot';
import {
  checkpointOf,
  CheckpointKey,
  LEAF_COPY_SQL,
  LEAF_FIELD_COUNT,
  LEAF_PAGE_SQL,
  LeafCol,
  leafPageParams,
} from './global-order';
import { leafOfRow } from './leaf-rows';
import { LeafList } from './seal-leaves';
import { sealLinkProblem, sealSignatureProblem } from './seal-signing';
import { SealStore, StoredSeal } from './seal-store';
import { Seal } from './seal.types';
import { diagnoseSegment, SegmentBreak } from './segment-diagnosis';

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
  /** Events between progress reports (default 20,000); the log is read as one COPY. */
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
    const keys = stored.map((s) => new CheckpointKey(s.seal.upTo));
    const suspects: Suspect[] = [];
    let tree = new MerkleFrontier();
    let before = tree.clone();
    let next = 0; // the seal whose segment is being read
    let checked = 0;
    let unsealed = 0;

    // Synchronous, inside the COPY. A mismatch is located after it, from the segment read again:
    // rare, and so the scan keeps nothing per event, however long the log.
    const close = () => {
      const s = stored[next];
      // An unsigned or unlinked seal was reported above; its root proves nothing either way.
      const matches =
        !signed[next] ||
        (tree.count === s.seal.eventCount && tree.root().toString('hex') === s.seal.merkleRoot);
      if (!matches) suspects.push({ seal: s.seal, before, after: stored[next - 1]?.seal.upTo });
      if (signed[next]) tree = resumeFrom(s) ?? tree;
      before = tree.clone();
      next++;
    };

    const progressEvery = options.pageSize ?? 20_000;
    await copyBinaryTuples(db, LEAF_COPY_SQL, LEAF_FIELD_COUNT, (t) => {
      while (next < stored.length && keys[next].precedes(t)) close();
      if (++checked % progressEvery === 0) options.onProgress?.(checked);
      if (next === stored.length) {
        unsealed++;
        return;
      }
      const leaf = hasher.digestBytes(
        t.int64(LeafCol.Position),
        t.int32(LeafCol.Version),
        t.buffer,
        t.starts[LeafCol.Hash],
        Math.max(0, t.lengths[LeafCol.Hash]),
        t.starts[LeafCol.StreamId],
        Math.max(0, t.lengths[LeafCol.StreamId]),
      );
      tree.appendDigest(leaf);
    });
    while (next < stored.length) close();
    options.onProgress?.(checked);

    for (const s of suspects) {
      const now = await segmentLeaves(db, s.after ?? START, s.seal.upTo);
      const sealed = await this.store.leaves(s.seal.sealId, db);
      const previousUpTo = s.after?.position ?? 0;
      tally.add(await named(db, diagnoseSegment(s.seal, s.before, now, sealed, previousUpTo)));
    }

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

/** A seal whose segment did not give its root: the tree before it, and where it starts. */
interface Suspect {
  seal: Seal;
  before: MerkleFrontier;
  /** The previous seal's checkpoint (none for the first seal). */
  after?: Checkpoint;
}

/** The leaves of the events now in a segment (after `after`, up to `upTo`), in the log's order. */
async function segmentLeaves(
  db: PoolClient,
  after: Checkpoint,
  upTo: Checkpoint,
): Promise<LeafList> {
  const hasher = new LeafHasher();
  const leaves = new LeafList();
  const pages = keysetPages(db, {
    sql: LEAF_PAGE_SQL,
    start: leafPageParams(after, upTo),
    keyOf: (row) => leafPageParams(checkpointOf(row), upTo),
    pageSize: 10_000,
  });
  for await (const rows of pages) {
    for (const row of rows) leaves.push(Number(row[LeafCol.Position]), leafOfRow(hasher, row));
  }
  return leaves;
}

/** The break, with the stream and version of the event now at its position, if any. */
async function named(db: PoolClient, b: SegmentBreak): Promise<BrokenEvent> {
  const { position, problem } = b;
  if (!b.inLog) return { position, problem };
  const { rows } = await db.query<{ stream_id: string; version: number }>(
    'SELECT stream_id, version FROM events WHERE position = $1',
    [position],
  );
  return rows[0]
    ? { position, streamId: rows[0].stream_id, version: rows[0].version, problem }
    : { position, problem };
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
