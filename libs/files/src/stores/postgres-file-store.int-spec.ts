import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Pool } from 'pg';
import { EventStore } from '@liaison/event-store';
import { testPool } from '../../../../test/support/database';
import { PostgresFileStore } from './postgres-file-store';

const blobOf = (b: Buffer) => ({
  sha256: createHash('sha256').update(b).digest('hex'),
  size: b.length,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A sender that sends half, pauses, then the rest: a slow upload. */
function slowSender(content: Buffer, pauseMs: number): Readable {
  const half = content.length >> 1;
  return Readable.from(
    (async function* () {
      yield content.subarray(0, half);
      await sleep(pauseMs);
      yield content.subarray(half);
    })(),
  );
}

describe('PostgresFileStore: no transaction held on the sender, orphans swept', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = testPool(4);
  });
  afterAll(() => pool.end());

  it('holds no connection while a slow sender is still sending', async () => {
    // one connection: were put to hold it through the upload, the probe would wait it out
    const one = testPool(1);
    try {
      const store = new PostgresFileStore(one, 1024);
      const content = randomBytes(8000);
      const blob = blobOf(content);
      const put = store.put(blob, slowSender(content, 2_000));
      await sleep(300); // the first half is in
      const started = Date.now();
      await one.query('SELECT 1');
      expect(Date.now() - started).toBeLessThan(1_000);
      await put;
      expect(await store.has(blob.sha256)).toBe(true);
    } finally {
      await one.end();
    }
  });

  it('sweeps old contents no event names, keeps named, young and re-uploaded ones', async () => {
    const store = new PostgresFileStore(pool, 1024);
    const [orphan, named, young, reuploaded] = [1, 2, 3, 4].map(() => randomBytes(3000));
    for (const c of [orphan, named, young, reuploaded]) {
      await store.put(blobOf(c), Readable.from([c]));
    }
    // an event names one (as an attachment names its file: a `sha256` key in its data)
    await new EventStore(pool).append(`spec-files-${randomUUID()}`, [
      {
        type: 'SpecFileNamed',
        data: { file: { name: 'a.pdf', sha256: blobOf(named).sha256 } },
        metadata: { actor: 'spec', role: 'system', correlation_id: randomUUID() },
      },
    ]);
    const old = [orphan, named, reuploaded].map((c) => blobOf(c).sha256);
    await pool.query(
      `UPDATE file_blobs SET stored_at = now() - interval '25 hours' WHERE sha256 = ANY($1)`,
      [old],
    );
    // an upload of the same bytes on its way to its append renews the content
    await store.put(blobOf(reuploaded), Readable.from([reuploaded]));

    const removed = await store.sweepOrphans(24);

    expect(removed).toContain(blobOf(orphan).sha256);
    for (const kept of [named, young, reuploaded]) {
      expect(removed).not.toContain(blobOf(kept).sha256);
      expect(await store.has(blobOf(kept).sha256)).toBe(true);
    }
    expect(await store.has(blobOf(orphan).sha256)).toBe(false);
    const chunks = await pool.query('SELECT 1 FROM file_chunks WHERE sha256 = $1', [
      blobOf(orphan).sha256,
    ]);
    expect(chunks.rowCount).toBe(0);
  });
});
