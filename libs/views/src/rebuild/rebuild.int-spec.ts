import fc from 'fast-check';
import { QueryBus } from '@nestjs/cqrs';
import { EventStore, StoredEvent } from '@liaison/event-store';
import { Actor } from '@liaison/follow-up';
import { ListFollowUpsQuery } from '../queries/list-follow-ups/list-follow-ups.query';
import { ProjectionRunners } from '../runners/projection-runners';
import { appendStreams } from '../testing/append-history';
import { History, historyArbitrary } from '../testing/follow-up-history.arbitrary';
import { startQueryContext } from '../testing/query-test-module';
import { boardRows, workshopRows } from '../testing/read-model-rows';
import { expectedBoard, expectedWorkshops } from '../testing/reference-fold';
import { finished, spawnCli } from '../testing/run-cli';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';

const auditor: Actor = { id: 'u-audit', role: 'auditor' };
const REBUILD_CP = 'projection:follow-up-board:rebuild';

async function waitFor<T>(probe: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const histories = (n: number, seed: number): History[] =>
  fc.sample(historyArbitrary, { numRuns: n, seed });

/**
 * Rebuild and check through their CLIs, on a database of their own, with the live runner and
 * writers busy the whole time.
 */
describe('projections:rebuild and projections:check', () => {
  let db: ThrowawayDatabase;
  let store: EventStore;
  let runners: ProjectionRunners;
  let bus: QueryBus;
  let closeQueries: () => Promise<void>;
  const all: History[] = [];

  async function append(hs: History[]): Promise<number> {
    all.push(...hs);
    return appendStreams(
      store,
      hs.flatMap((h) => [...h.workshops, ...h.followUps]),
    );
  }

  async function caughtUp(): Promise<void> {
    const head = await store.headPosition();
    await waitFor(async () => (await runners.status()).every((s) => s.position >= head));
  }

  async function wholeLog(): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let after;
    for (;;) {
      const page = await store.readAll({ after, limit: 10_000 });
      if (page.events.length === 0) return events;
      events.push(...page.events);
      after = page.checkpoint;
    }
  }

  async function expectViewsEqualTheFold(): Promise<void> {
    const log = await wholeLog();
    const ids = (prefix: string) =>
      all
        .flatMap((h) => [...h.workshops, ...h.followUps])
        .filter((s) => s.streamId.startsWith(prefix))
        .map((s) => s.streamId.slice(prefix.length));
    expect(await boardRows(db.pool, 'public', ids('follow-up-'))).toEqual(expectedBoard(log));
    expect(await workshopRows(db.pool, 'public', ids('workshop-'))).toEqual(expectedWorkshops(log));
  }

  /** Reads the live board the whole time; every read must succeed and never lose rows. */
  function keepReading(): { stop: () => Promise<{ reads: number; failures: unknown[] }> } {
    let running = true;
    const failures: unknown[] = [];
    let reads = 0;
    let floor = 0;
    const loop = (async () => {
      while (running) {
        try {
          const page = await bus.execute(new ListFollowUpsQuery(auditor, { limit: 200 }));
          const { rows } = await db.pool.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM follow_up_board',
          );
          if (rows[0].n < floor || page.items.length === 0)
            failures.push({ rows: rows[0].n, floor });
          floor = Math.max(floor, rows[0].n);
          reads++;
        } catch (err) {
          failures.push(err);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return { reads, failures };
      },
    };
  }

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_proj', 12);
    store = new EventStore(db.pool);
    runners = new ProjectionRunners({ pool: db.pool, store, pollIntervalMs: 20 });
    runners.start();
    ({ queryBus: bus, close: closeQueries } = await startQueryContext(db.pool));
    await append(histories(120, 1));
    await caughtUp();
  }, 120_000);
  afterAll(async () => {
    await closeQueries();
    await runners.stop();
    await db.drop();
  });

  it('a rebuild killed half-way resumes, the live view is served throughout, and the result equals the fold', async () => {
    const reader = keepReading();
    const head = await store.headPosition();

    // 1. Start a rebuild with tiny batches and SIGKILL it half-way.
    const first = spawnCli('rebuild', ['follow-up-board', '--batch-size=5'], db.url);
    const firstDone = finished(first);
    const reached = await waitFor(async () => {
      const { rows } = await db.pool.query<{ position: string }>(
        'SELECT position FROM subscription_checkpoints WHERE name = $1',
        [REBUILD_CP],
      );
      const p = Number(rows[0]?.position ?? 0);
      return p > head * 0.2 && p;
    });
    first.kill('SIGKILL');
    expect((await firstDone).signal).toBe('SIGKILL');
    expect(reached).toBeLessThan(head);
    const { rows: left } = await db.pool.query<{ position: string }>(
      'SELECT position FROM subscription_checkpoints WHERE name = $1',
      [REBUILD_CP],
    );
    expect(Number(left[0].position)).toBeLessThan(head); // really half-way

    // 2. Writers keep writing; run it again: it resumes from its checkpoint and swaps in.
    const writing = append(histories(20, 2));
    const second = await finished(spawnCli('rebuild', ['follow-up-board'], db.url));
    await writing;
    expect(second.code).toBe(0);
    const result = JSON.parse(second.stdout.trim());
    expect(result).toMatchObject({ projection: 'follow-up-board', resumed: true });
    expect(result.events).toBeLessThan(head); // it did not start over
    expect(second.stderr).toContain('follow-up-board 100.0%');

    const { rows: cps } = await db.pool.query(
      'SELECT name FROM subscription_checkpoints WHERE name = $1',
      [REBUILD_CP],
    );
    expect(cps).toEqual([]);
    const { rows: leftovers } = await db.pool.query(
      `SELECT schemaname, tablename FROM pg_tables WHERE schemaname LIKE 'projection_%'`,
    );
    expect(leftovers).toEqual([]);

    await append(histories(5, 3)); // the live runner keeps working on the swapped-in tables
    await caughtUp();
    const { reads, failures } = await reader.stop();
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(10);
    await expectViewsEqualTheFold();
  }, 120_000);

  it('--restart discards a half-done rebuild and starts over', async () => {
    const first = spawnCli('rebuild', ['workshops', '--batch-size=5'], db.url);
    const firstDone = finished(first);
    await waitFor(async () => {
      const { rows } = await db.pool.query<{ position: string }>(
        'SELECT position FROM subscription_checkpoints WHERE name = $1',
        ['projection:workshops:rebuild'],
      );
      return Number(rows[0]?.position ?? 0) > 0;
    });
    first.kill('SIGKILL');
    await firstDone;
    const again = await finished(spawnCli('rebuild', ['workshops', '--restart'], db.url));
    expect(again.code).toBe(0);
    const result = JSON.parse(again.stdout.trim());
    expect(result).toMatchObject({ projection: 'workshops', resumed: false });
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'workshop-%'`,
    );
    expect(result.events).toBe(rows[0].n); // every workshop event again, from the start
    await caughtUp();
    await expectViewsEqualTheFold();
  }, 120_000);

  it('projections:check passes on healthy views and lists the rows that differ', async () => {
    await caughtUp();
    const clean = await finished(spawnCli('check', [], db.url));
    expect(clean.stderr).toContain('"differences":0');
    expect(clean.code).toBe(0);

    const victim = all[0].followUps[0].streamId.slice('follow-up-'.length);
    await db.pool.query(`UPDATE follow_up_board SET title = 'tampered' WHERE follow_up_id = $1`, [
      victim,
    ]);
    const dirty = await finished(spawnCli('check', ['follow-up-board'], db.url));
    expect(dirty.code).toBe(1);
    const differences = dirty.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({
      table: 'follow_up_board',
      key: victim,
      live: { title: 'tampered' },
      rebuilt: { follow_up_id: victim },
    });
    const { rows } = await db.pool.query(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'projection_check_%'`,
    );
    expect(rows).toEqual([]); // the shadow schema is gone
  }, 120_000);
});
