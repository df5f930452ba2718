import fc from 'fast-check';
import { Pool } from 'pg';
import { StoredEvent } from '@liaison/event-store';
import { createPgPool } from '@liaison/platform';
import { ProjectionContext } from './projection';
import { PROJECTIONS } from './projections.registry';
import { historyArbitrary } from './testing/follow-up-history.arbitrary';
import { localLog } from './testing/local-log';
import { boardRows, workshopRows } from './testing/read-model-rows';
import { expectedBoard, expectedWorkshops } from './testing/reference-fold';
import { testDatabaseUrl } from '../../../test/support/throwaway-database';
import { createTestSchema } from './testing/test-databases';

/**
 * For random valid histories, every view equals the plain in-memory fold (the domain's evolve)
 * however the events are batched, delivered twice, or delivered out of stream order.
 */
describe('projections against a plain fold of the events', () => {
  let pool: Pool;
  let schema: string;
  let dropSchema: () => Promise<void>;

  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 4, 'liaison-projection-property');
    ({ schema, drop: dropSchema } = await createTestSchema(pool, PROJECTIONS));
  });
  afterAll(async () => {
    await dropSchema();
    await pool.end();
  });

  /** Applies `delivery` in batches of the given sizes, one transaction per batch, the way a
   * subscription does. Holes are filled from `log`, as the store would answer. */
  async function deliver(log: StoredEvent[], delivery: StoredEvent[], sizes: number[]) {
    const ctx: ProjectionContext = {
      schema,
      readStream: async (streamId, from, to) =>
        log
          .filter((e) => e.streamId === streamId && e.version >= from && e.version <= to)
          .sort((a, b) => a.version - b.version),
    };
    const client = await pool.connect();
    try {
      for (let i = 0, b = 0; i < delivery.length; b++) {
        const size = sizes.length > 0 ? sizes[b % sizes.length] : delivery.length;
        const batch = delivery.slice(i, i + size);
        i += size;
        await client.query('BEGIN');
        for (const p of PROJECTIONS) await p.apply(batch, client, ctx);
        await client.query('COMMIT');
      }
    } finally {
      client.release();
    }
  }

  async function views(log: StoredEvent[]) {
    const ids = (prefix: string) => [
      ...new Set(
        log
          .filter((e) => e.streamId.startsWith(prefix))
          .map((e) => e.streamId.slice(prefix.length)),
      ),
    ];
    return {
      board: await boardRows(pool, schema, ids('follow-up-')),
      workshops: await workshopRows(pool, schema, ids('workshop-')),
    };
  }

  const expected = (log: StoredEvent[]) => ({
    board: expectedBoard(log),
    workshops: expectedWorkshops(log),
  });
  const batchSizes = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 });

  it('equals the fold for any batching, and a second delivery changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArbitrary,
        fc.array(fc.nat(), { minLength: 1 }),
        batchSizes,
        batchSizes,
        async (history, interleaving, firstSizes, secondSizes) => {
          const log = localLog([...history.workshops, ...history.followUps], interleaving);
          await deliver(log, log, firstSizes);
          const once = await views(log);
          expect(once).toEqual(expected(log));

          await deliver(log, log, secondSizes);
          expect(await views(log)).toEqual(once);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('equals the fold when a stream is read out of version order (holes are filled)', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArbitrary,
        fc.array(fc.nat(), { minLength: 1 }),
        fc.array(fc.nat()),
        batchSizes,
        async (history, interleaving, shuffle, sizes) => {
          const log = localLog([...history.workshops, ...history.followUps], interleaving);
          // Any order at all, duplicates included: what a reader of concurrent appends might see.
          const delivery = [...log];
          for (let i = delivery.length - 1; i > 0; i--) {
            const j = (shuffle[i % Math.max(1, shuffle.length)] ?? 0) % (i + 1);
            [delivery[i], delivery[j]] = [delivery[j], delivery[i]];
          }
          await deliver(log, [...delivery, ...delivery.slice(0, 5)], sizes);
          expect(await views(log)).toEqual(expected(log));
        },
      ),
      { numRuns: 40 },
    );
  });
});
