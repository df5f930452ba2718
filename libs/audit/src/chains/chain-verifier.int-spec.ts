import { EventStore } from '@liaison/event-store';
import { waitFor } from '../../../../test/support/database';
import { seedStreams } from '../testing/seed';
import { createThrowawayDatabase, ThrowawayDatabase } from '../testing/throwaway-database';
import { ChainVerifier } from './chain-verifier';

describe('ChainVerifier with worker threads', () => {
  let db: ThrowawayDatabase;
  let streams: string[];

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    streams = (await seedStreams(new EventStore(db.pool), 6, 3)).sort();
  });
  afterAll(() => db.drop());

  const workerConnections = async () => {
    const { rows } = await db.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'liaison-audit-verify' AND datname = current_database()",
    );
    return Number(rows[0].n);
  };

  it('checks every stream once whether split over workers or not, reporting progress', async () => {
    const progress: number[] = [];
    const split = await new ChainVerifier(db.pool).verify({
      workers: 3,
      pageSize: 2,
      onProgress: (checked, total) => {
        expect(total).toBe(18);
        progress.push(checked);
      },
    });
    const inProcess = await new ChainVerifier(db.pool).verify({ workers: 1, pageSize: 2 });
    expect(split).toEqual({ ok: true, checked: 18, streams: 6, broken: 0 });
    expect(inProcess).toEqual(split);
    expect(Math.max(...progress)).toBe(18);
  });

  it('lets the workers go that get no range (more workers than streams)', async () => {
    const report = await new ChainVerifier(db.pool).verify({ workers: 12, pageSize: 2 });
    expect(report).toEqual({ ok: true, checked: 18, streams: 6, broken: 0 });
    // every worker, given a range or not, closes its connection
    await waitFor(
      async () => (await workerConnections()) === 0,
      10_000,
      'the chain workers to disconnect',
    );
  });

  it('finds a break in the last range, counted by the worker that read it', async () => {
    const last = streams[streams.length - 1];
    const { rows } = await db.pool.query<{ position: string }>(
      `UPDATE events SET metadata = metadata || '{"role":"admin"}' WHERE stream_id = $1 AND version = 3
       RETURNING position`,
      [last],
    );
    const report = await new ChainVerifier(db.pool).verify({ workers: 3, pageSize: 2 });
    expect(report).toMatchObject({ ok: false, checked: 18, broken: 1 });
    expect(report.firstBroken).toEqual({
      position: Number(rows[0].position),
      streamId: last,
      version: 3,
      problem: 'hash mismatch: data, metadata or the stored hash changed', // the stream's last event
    });
  });
});
