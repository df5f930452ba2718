/**
 * Postgres connections that die under a running process (a restart, a terminated backend): the
 * process carries on, and what held the connection reconnects. Each case has pools of its own,
 * named, so that only their backends are terminated.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createPgPool } from '@liaison/platform';
import { testPool, waitFor } from '../../../test/support/database';
import { testDatabaseUrl } from '../../../test/support/throwaway-database';
import { EventStore } from './event-store';
import { EventWakeUps } from './event-wake-ups';
import { NewEvent, StoredEvent } from './event.types';
import { Subscription } from './subscription';

const meta = { actor: 'tester', role: 'system', correlation_id: 'corr-lost' };
const event = (n: number): NewEvent => ({ type: 'ThingHappened', data: { n }, metadata: meta });

describe('lost Postgres connections', () => {
  let admin: Pool;
  let store: EventStore;
  beforeAll(() => {
    admin = testPool(2);
    store = new EventStore(admin);
  });
  afterAll(() => admin.end());

  /** A new subscription starts at the end of the shared log: it sees only this spec's events. */
  async function startAtEnd(name: string): Promise<void> {
    const { rows } = await admin.query<{ tx: string; position: string }>(
      `SELECT transaction_id::text AS tx, position FROM events
        ORDER BY transaction_id DESC, position DESC LIMIT 1`,
    );
    await admin.query(
      'INSERT INTO subscription_checkpoints (name, transaction_id, position) VALUES ($1, $2, $3)',
      [name, rows[0]?.tx ?? '0', rows[0]?.position ?? 0],
    );
  }

  /** pg_terminate_backend on the backends of `applicationName`, optionally only the ones
   * holding an advisory lock: as an operator, a failover or a crash of Postgres would. */
  async function terminate(applicationName: string, holdingAdvisoryLock = false) {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pg_terminate_backend(a.pid), a.pid FROM pg_stat_activity a
        WHERE a.application_name = $1
          AND (NOT $2 OR EXISTS (SELECT 1 FROM pg_locks l
                                  WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted))`,
      [applicationName, holdingAdvisoryLock],
    );
    return rows.map((r) => r.pid);
  }

  it('a subscription whose lock-holding backend is terminated reconnects and resumes', async () => {
    const applicationName = `lost-sub-${randomUUID().slice(0, 8)}`;
    // Only the idle-client guard every pool had before: the subscription must cope by itself.
    const pool = new Pool({
      connectionString: testDatabaseUrl(),
      max: 3,
      application_name: applicationName,
    });
    pool.on('error', () => {});
    const name = `test-lost-${randomUUID()}`;
    await startAtEnd(name);
    const prefix = `test-${randomUUID()}`;
    const seen: StoredEvent[] = [];
    const errors: unknown[] = [];
    const sub = new Subscription(pool, store, undefined, {
      name,
      pollIntervalMs: 20,
      maxRetryDelayMs: 200,
      handle: async (events) =>
        void seen.push(...events.filter((e) => e.streamId.startsWith(prefix))),
      onError: (err) => errors.push(err),
    });
    sub.start();
    try {
      const first = await store.append(`${prefix}-a`, [event(1)]);
      // Committed: the batch is not read again (at-least-once would be allowed, not tested here).
      await waitFor(
        async () => sub.status().position >= first.position,
        10_000,
        'the first event committed',
      );

      // Terminated while the runner idles between polls, holding the lock.
      expect(await terminate(applicationName, true)).toHaveLength(1);
      await waitFor(async () => errors.length > 0, 5000, 'the loss to be noticed');
      await waitFor(async () => sub.status().state === 'running', 5000, 'the lock taken again');
      expect(sub.status().failingSince).toBeUndefined();

      await store.append(`${prefix}-a`, [event(2)]);
      await waitFor(async () => seen.length === 2, 10_000, 'the event appended after the loss');
      expect(seen.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      await sub.stop();
      await pool.end();
    }
  });

  it('a checked-out client of a platform pool loses its connection without an unhandled error', async () => {
    const applicationName = `lost-held-${randomUUID().slice(0, 8)}`;
    const pool = createPgPool(testDatabaseUrl(), 2, applicationName);
    try {
      const held = await pool.connect();
      await held.query('SELECT 1');
      expect(await terminate(applicationName)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 200)); // the 'error' event, had nobody listened
      await expect(held.query('SELECT 1')).rejects.toThrow();
      held.release();
      // The pool dropped the dead client and serves a fresh one.
      expect((await pool.query<{ ok: number }>('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('the LISTEN connection comes back after its backend is terminated, and wakes again', async () => {
    const applicationName = `lost-listen-${randomUUID().slice(0, 8)}`;
    const pool = createPgPool(testDatabaseUrl(), 2, applicationName);
    const wakeUps = new EventWakeUps(pool, 20, 100);
    let wakes = 0;
    wakeUps.onWake(() => (wakes += 1));
    await wakeUps.start();
    try {
      expect(wakeUps.listening).toBe(true);
      const [lost] = await terminate(applicationName);
      expect(lost).toBeDefined();
      // The loss may be noticed and mended between two polls: look for LISTEN on a new backend.
      const listeningAgain = async () => {
        const { rows } = await admin.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query ILIKE 'LISTEN%'`,
          [applicationName],
        );
        return wakeUps.listening && rows.length === 1 && rows[0].pid !== lost;
      };
      await waitFor(listeningAgain, 10_000, 'LISTEN again on a new connection');
      const before = wakes;
      await store.append(`test-${randomUUID()}`, [event(1)]);
      await waitFor(async () => wakes > before, 5000, 'a wake-up after reconnecting');
    } finally {
      await wakeUps.stop();
      await pool.end();
    }
  });
});
