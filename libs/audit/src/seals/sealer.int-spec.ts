import { EventStore } from '@liaison/event-store';
import { MerkleFrontier } from '../hashing/merkle-tree';
import { loadSealKeys } from '../keys/seal-keys';
import { seedStreams, waitUntilAllReadable } from '../testing/seed';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { LeafList } from './seal-leaves';
import { sealSignatureProblem } from './seal-signing';
import { SealStore } from './seal-store';
import { SealVerifier } from './seal-verifier';
import { Sealer } from './sealer';

describe('Sealer (incremental, signed seals)', () => {
  const keys = loadSealKeys({ NODE_ENV: 'test' });
  let db: ThrowawayDatabase;
  let store: EventStore;

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_audit');
    store = new EventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('has nothing to seal on an empty log', async () => {
    expect(await new Sealer(db.pool, keys).seal()).toBeNull();
  });

  it('extends the previous seal: chained ids and roots, cumulative counts, stored leaves', async () => {
    const sealer = new Sealer(db.pool, keys);
    await seedStreams(store, 2, 3);
    await waitUntilAllReadable(db.pool);
    const [first] = await sealer.sealAll();
    expect(first).toMatchObject({
      sealId: 1,
      previousSealId: null,
      eventCount: 6,
      segmentCount: 6,
    });

    await seedStreams(store, 1, 4);
    await waitUntilAllReadable(db.pool);
    const more = await sealer.sealAll({ maxEvents: 3 });
    expect(more.map((s) => [s.sealId, s.previousSealId, s.eventCount, s.segmentCount])).toEqual([
      [2, 1, 9, 3],
      [3, 2, 10, 1],
    ]);
    expect(more[0].previousMerkleRoot).toBe(first.merkleRoot);
    expect(await sealer.seal()).toBeNull();
    for (const s of [first, ...more]) expect(sealSignatureProblem(s, keys)).toBeUndefined();

    // The stored leaves rebuild each seal's root from the one before (how verify locates breaks).
    const seals = new SealStore(db.pool);
    const tree = new MerkleFrontier();
    for (const { seal } of await seals.all()) {
      const leaves = LeafList.fromBytes((await seals.leaves(seal.sealId)) as Buffer);
      for (let i = 0; i < leaves.length; i++) tree.append(leaves.leaf(i));
      expect(tree.root().toString('hex')).toBe(seal.merkleRoot);
      expect(leaves.position(leaves.length - 1)).toBe(seal.upTo.position);
    }
    await expect(db.pool.query('DELETE FROM audit_seals')).rejects.toThrow(
      'audit_seals is append-only: DELETE refused',
    );
    await expect(db.pool.query('UPDATE audit_seal_leaves SET leaves = leaves')).rejects.toThrow(
      'audit_seal_leaves is append-only: UPDATE refused',
    );
    expect(await new SealVerifier(db.pool, keys).verify()).toMatchObject({
      ok: true,
      seals: 3,
      checked: 10,
      unsealed: 0,
    });
  });

  it('refuses to extend a seal whose signature does not hold', async () => {
    await db.pool.query('ALTER TABLE audit_seals DISABLE TRIGGER USER');
    await db.pool.query(`UPDATE audit_seals SET signature = $1 WHERE seal_id = 3`, [
      Buffer.alloc(64).toString('base64'),
    ]);
    await db.pool.query('ALTER TABLE audit_seals ENABLE TRIGGER USER');
    await seedStreams(store, 1, 1);
    await waitUntilAllReadable(db.pool);
    await expect(new Sealer(db.pool, keys).seal()).rejects.toThrow(
      'Cannot extend: seal #3: signature invalid',
    );
  });
});
