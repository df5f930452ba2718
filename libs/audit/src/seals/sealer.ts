import { Checkpoint, START } from '@liaison/event-store';
import { Pool, PoolClient } from 'pg';
import { inTransaction } from '@liaison/platform';
import { LeafHasher } from '../hashing/event-leaf';
import { MerkleFrontier } from '../hashing/merkle-tree';
import { SealKeys } from '../keys/seal-keys';
import { keysetPages } from '../reading/keyset-pages';
import { checkpointOf, LEAF_PAGE_SQL, LeafCol, leafPageParams } from './global-order';
import { leafOfRow } from './leaf-rows';
import { LeafList } from './seal-leaves';
import { sealSignatureProblem, signSeal } from './seal-signing';
import { SealStore, StoredSeal } from './seal-store';
import { Seal } from './seal.types';

/** Any fixed number: every process that seals the same database agrees on it. */
const SEAL_LOCK_KEY = 7_301_965;

export interface SealOptions {
  /** Most events one seal covers (its leaf list is kept in one row); default 500,000. */
  maxEvents?: number;
  pageSize?: number;
  onProgress?: (sealed: number) => void;
}

/**
 * Seals the log incrementally: the next seal covers the events readable after the previous
 * seal's checkpoint, extends that seal's Merkle tree from its stored frontier (after checking
 * that frontier still gives the signed root, and that the previous seal's signature holds, so a
 * forged seal is never extended), and is signed with the configured key. One sealer at a time
 * (advisory lock).
 */
export class Sealer {
  private readonly store: SealStore;

  constructor(
    private readonly pool: Pool,
    private readonly keys: SealKeys,
  ) {
    this.store = new SealStore(pool);
  }

  /** Seals every event readable now, in as many seals as maxEvents needs. */
  async sealAll(options: SealOptions = {}): Promise<Seal[]> {
    const seals: Seal[] = [];
    let sealedBefore = 0;
    for (;;) {
      const seal = await this.seal({
        ...options,
        onProgress: (n) => options.onProgress?.(sealedBefore + n),
      });
      if (!seal) return seals;
      seals.push(seal);
      sealedBefore += seal.segmentCount;
    }
  }

  /** One seal over up to maxEvents new events, or null when there is nothing new. */
  async seal(options: SealOptions = {}): Promise<Seal | null> {
    if (!this.keys.signing)
      throw new Error('Cannot seal: no signing key (set AUDIT_SEAL_PRIVATE_KEY)');
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK_KEY]);
      return this.sealIn(client, options);
    });
  }

  private async sealIn(client: PoolClient, options: SealOptions): Promise<Seal | null> {
    const previous = await this.store.last(client);
    const frontier = previous ? this.resume(previous) : new MerkleFrontier();
    const after: Checkpoint = previous?.seal.upTo ?? START;
    const maxEvents = options.maxEvents ?? 500_000;
    const pageSize = Math.min(options.pageSize ?? 10_000, maxEvents);

    const hasher = new LeafHasher();
    const leaves = new LeafList();
    let upTo: Checkpoint | undefined;
    const pages = keysetPages(client, {
      sql: LEAF_PAGE_SQL,
      start: leafPageParams(after, null),
      keyOf: (row) => leafPageParams(checkpointOf(row), null),
      pageSize,
    });
    for await (const rows of pages) {
      for (const row of rows) {
        if (leaves.length === maxEvents) break;
        const leaf = leafOfRow(hasher, row);
        frontier.append(leaf);
        leaves.push(Number(row[LeafCol.Position]), leaf);
        upTo = checkpointOf(row);
      }
      options.onProgress?.(leaves.length);
      if (leaves.length === maxEvents) break;
    }
    if (!upTo) return null;

    const seal = signSeal(
      {
        sealId: (previous?.seal.sealId ?? 0) + 1,
        previousSealId: previous?.seal.sealId ?? null,
        previousMerkleRoot: previous?.seal.merkleRoot ?? null,
        upTo,
        eventCount: frontier.count,
        segmentCount: leaves.length,
        merkleRoot: frontier.root().toString('hex'),
        sealedAt: new Date().toISOString(),
      },
      this.keys,
    );
    await this.store.insert({ seal, frontier: frontier.snapshot() }, leaves.bytes(), client);
    return seal;
  }

  private resume(previous: StoredSeal): MerkleFrontier {
    const problem = sealSignatureProblem(previous.seal, this.keys);
    if (problem) throw new Error(`Cannot extend: ${problem}; run verify`);
    const frontier = MerkleFrontier.restore(previous.seal.eventCount, previous.frontier);
    if (frontier.root().toString('hex') !== previous.seal.merkleRoot) {
      throw new Error(
        `Cannot extend: seal #${previous.seal.sealId}'s stored tree state does not give its signed root; run verify`,
      );
    }
    return frontier;
  }
}
