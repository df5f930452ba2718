import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { testPool, waitFor } from '../../../test/support/database';
import { EventStore } from './event-store';
import { EventWakeUps } from './event-wake-ups';
import { Checkpoint, NewEvent, StoredEvent } from './event.types';
import { Subscription } from './subscription';

const meta = { actor: 'tester', role: 'system', correlation_id: 'corr-sub' };
const event = (n: number): NewEvent => ({ type: 'ThingHappened', data: { n }, metadata: meta });

/** The checkpoint at the current end of the readable log, so a test sees only its own events. */
async function endOfLog(store: EventStore): Promise<Checkpoint> {
  let checkpoint: Checkpoint | undefined;
  for (;;) {
    const page = await store.readAll({ after: checkpoint, limit: 10_000 });
    if (page.events.length === 0) return page.checkpoint;
    checkpoint = page.checkpoint;
  }
}

describe('reading the global log under concurrent appends', () => {
  let pool: Pool;
  let store: EventStore;
  beforeAll(() => {
    pool = testPool(10);
    store = new EventStore(pool);
  });
  afterAll(() => pool.end());

  it('never skips an event whose transaction commits after a later position', async () => {
    const start = await endOfLog(store);
    const naiveStart = Number(
      (await pool.query('SELECT max(position) AS p FROM events')).rows[0].p,
    );
    const slow = await pool.connect();
    const fast = await pool.connect();
    try {
      // The slow transaction takes the lower position but commits last.
      await slow.query('BEGIN');
      const early = await store.append(`test-${randomUUID()}`, [event(1)], { client: slow });
      await fast.query('BEGIN');
      const late = await store.append(`test-${randomUUID()}`, [event(2)], { client: fast });
      expect(early.position).toBeLessThan(late.position);
      await fast.query('COMMIT');

      // A naive reader moves its checkpoint past the uncommitted lower position...
      const naiveRead = async (after: number) =>
        (
          await pool.query<{ position: string }>(
            'SELECT position FROM events WHERE position > $1 ORDER BY position',
            [after],
          )
        ).rows.map((r) => Number(r.position));
      const naiveFirst = await naiveRead(naiveStart);
      expect(naiveFirst).toContain(late.position);
      expect(naiveFirst).not.toContain(early.position);

      // ...while the safe reader waits until nothing older is still open.
      const safeFirst = await store.readAll({ after: start });
      expect(safeFirst.events.map((e) => e.position)).not.toContain(late.position);

      await slow.query('COMMIT');
      const naiveSecond = await naiveRead(Math.max(...naiveFirst));
      const naiveSeen = [...naiveFirst, ...naiveSecond];
      expect(naiveSeen).not.toContain(early.position); // lost for ever

      const safeSecond = await store.readAll({ after: safeFirst.checkpoint });
      const safeSeen = [...safeFirst.events, ...safeSecond.events].map((e) => e.position);
      expect(safeSeen.filter((p) => p === early.position)).toHaveLength(1);
      expect(safeSeen.filter((p) => p === late.position)).toHaveLength(1);
    } finally {
      slow.release();
      fast.release();
    }
  });
});

describe('Subscription', () => {
  let pool: Pool;
  let store: EventStore;
  let wakeUps: EventWakeUps;
  beforeAll(async () => {
    pool = testPool(20);
    store = new EventStore(pool);
    wakeUps = new EventWakeUps(pool);
    await wakeUps.start();
    await pool.query(
      'CREATE TABLE IF NOT EXISTS test_applications (event_id uuid PRIMARY KEY, times int NOT NULL)',
    );
  });
  afterAll(async () => {
    await wakeUps.stop();
    await pool.end();
  });

  async function startAtEnd(name: string): Promise<void> {
    const end = await endOfLog(store);
    await pool.query(
      `INSERT INTO subscription_checkpoints (name, transaction_id, position) VALUES ($1, $2, $3)`,
      [name, end.transactionId, end.position],
    );
  }

  it('sees every event exactly once while appends commit out of order', async () => {
    const name = `test-ooo-${randomUUID()}`;
    await startAtEnd(name);
    const prefix = `test-${randomUUID()}`;
    const seen: StoredEvent[] = [];
    const sub = new Subscription(pool, store, wakeUps, {
      name,
      batchSize: 7,
      pollIntervalMs: 20,
      handle: async (events) =>
        void seen.push(...events.filter((e) => e.streamId.startsWith(prefix))),
    });
    sub.start();
    // Transactions that hold their position for a random while before committing.
    const writers = Array.from({ length: 40 }, async (_, i) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await store.append(`${prefix}-${i}`, [event(i)], { client });
        await new Promise((r) => setTimeout(r, Math.random() * 30));
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    try {
      await Promise.all(writers);
      await waitFor(async () => seen.length >= 40, 10_000, '40 events');
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await sub.stop();
    }
    expect(seen).toHaveLength(40);
    expect(new Set(seen.map((e) => e.eventId)).size).toBe(40);
  });

  it('runs on one process at a time: a second runner stands by', async () => {
    const name = `test-single-${randomUUID()}`;
    await startAtEnd(name);
    const prefix = `test-${randomUUID()}`;
    const handledBy: string[] = [];
    const runner = (label: string) =>
      new Subscription(pool, store, wakeUps, {
        name,
        pollIntervalMs: 20,
        handle: async (events) => {
          for (const e of events) if (e.streamId.startsWith(prefix)) handledBy.push(label);
        },
      });
    const first = runner('first');
    const second = runner('second');
    first.start();
    await waitFor(async () => first.status().active, 5000, 'first runner active');
    second.start();
    await store.append(`${prefix}-a`, [event(1), event(2)]);
    await waitFor(async () => handledBy.length >= 2, 5000, 'two events');
    expect(second.status().active).toBe(false);
    await first.stop();
    await waitFor(async () => second.status().active, 5000, 'second takes over');
    await store.append(`${prefix}-a`, [event(3)]);
    await waitFor(async () => handledBy.length >= 3, 5000, 'third event');
    await second.stop();
    expect(handledBy).toEqual(['first', 'first', 'second']);
  });

  it('rolls back a failed batch with its checkpoint and retries it', async () => {
    const name = `test-retry-${randomUUID()}`;
    await startAtEnd(name);
    const prefix = `test-${randomUUID()}`;
    let failures = 0;
    const sub = new Subscription(pool, store, wakeUps, {
      name,
      pollIntervalMs: 20,
      handle: async (events, tx) => {
        for (const e of events.filter((x) => x.streamId.startsWith(prefix))) {
          await tx.query(
            `INSERT INTO test_applications (event_id, times) VALUES ($1, 1)
             ON CONFLICT (event_id) DO UPDATE SET times = test_applications.times + 1`,
            [e.eventId],
          );
          if (failures < 2) {
            failures += 1;
            throw new Error('handler failed');
          }
        }
      },
    });
    sub.start();
    const { position } = await store.append(`${prefix}-a`, [event(1)]);
    await waitFor(async () => sub.status().position >= position, 10_000, 'caught up');
    await sub.stop();
    const [stored] = await store.readStream(`${prefix}-a`);
    const { rows } = await pool.query('SELECT times FROM test_applications WHERE event_id = $1', [
      stored.eventId,
    ]);
    expect(failures).toBe(2);
    expect(rows).toEqual([{ times: 1 }]);
  });

  it('resumes after a SIGKILL mid-batch with nothing lost and nothing applied twice', async () => {
    const name = `test-kill-${randomUUID()}`;
    await startAtEnd(name);
    const prefix = `test-${randomUUID()}`;
    const total = 100;
    for (let i = 0; i < total; i += 10) {
      await store.append(
        `${prefix}-${i}`,
        Array.from({ length: 10 }, (_, j) => event(i + j)),
      );
    }
    const script = join(__dirname, '../../../test/fixtures/slow-subscriber.process.ts');
    const spawnSubscriber = (): [ChildProcess, () => number] => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', script, name, prefix], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, NODE_ENV: 'test' },
      });
      let lines = 0;
      child.stdout!.on(
        'data',
        (chunk: Buffer) => (lines += chunk.toString().split('\n').length - 1),
      );
      return [child, () => lines];
    };

    const [first, appliedByFirst] = spawnSubscriber();
    // Batches are 20 events: kill while the third batch is half applied.
    await waitFor(async () => appliedByFirst() >= 50, 20_000, 'first subscriber mid-batch');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const committed = Number(
      (
        await pool.query(
          `SELECT count(*) AS n FROM test_applications a JOIN events e USING (event_id)
         WHERE e.stream_id LIKE $1`,
          [`${prefix}-%`],
        )
      ).rows[0].n,
    );
    expect(committed % 20).toBe(0); // only whole batches survived the kill
    expect(committed).toBeLessThan(appliedByFirst());

    const [second] = spawnSubscriber();
    try {
      await waitFor(
        async () => {
          const { rows } = await pool.query(
            `SELECT count(*) AS n, max(times) AS most FROM test_applications a
             JOIN events e USING (event_id) WHERE e.stream_id LIKE $1`,
            [`${prefix}-%`],
          );
          return Number(rows[0].n) === total ? rows[0] : undefined;
        },
        30_000,
        'all events applied after restart',
      ).then((row) => expect(Number(row.most)).toBe(1));
    } finally {
      second.kill('SIGKILL');
    }
  }, 60_000);
});
