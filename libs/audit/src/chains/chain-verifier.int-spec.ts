import { EventStore } from '@liaison/event-store';
import { waitFor } from '../../../../test/support/database';
import { seedStreams } from '../testing/seed';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { withReadSnapshot } from '../reading/read-snapshot';
import { ChainVerifier } from './chain-verifier';
import { ChainWorker, connectionOf } from './chain-workers';

describe('ChainVerifier with worker threads', () => {
  let db: ThrowawayDatabase;
  let streams: string[];

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_audit');
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

  it('gives the right answer with more workers than streams (the rest are let go)', async () => {
    const report = await new ChainVerifier(db.pool).verify({ workers: 12, pageSize: 2 });
    expect(report).toEqual({ ok: true, checked: 18, streams: 6, broken: 0 });
  });

  it('ends a worker let go before its range, and one stopped mid-scan, closing their connections', async () => {
    await withReadSnapshot(db.pool, async (snapshot) => {
      const input = {
        connection: connectionOf(db.pool),
        snapshotId: snapshot.snapshotId,
        pageSize: 2,
      };
      const idle = new ChainWorker(input);
      idle.dismiss();
      await idle.exited; // a worker that ignored its dismissal would keep this waiting
      const busy = new ChainWorker(input);
      const scan = busy.scan({ from: null, to: null }, () => {});
      busy.stop();
      await expect(scan).rejects.toThrow(/worker exited with code/);
      await busy.exited;
    });
    await waitFor(async () => (await workerConnections()) === 0, 5_000, 'no worker connections');
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
