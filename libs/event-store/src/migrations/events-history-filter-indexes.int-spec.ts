import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { QueryRunner } from 'typeorm';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { EventStore } from '../event-store';
import { EventsHistoryFilterIndexes1765610000000 } from './1765610000000-events-history-filter-indexes';

const NAMES = [
  'events_type_order_idx',
  'events_actor_order_idx',
  'events_on_behalf_of_order_idx',
  'events_recorded_at_idx',
];

describe('migration EventsHistoryFilterIndexes (built while the log takes appends)', () => {
  let db: ThrowawayDatabase;
  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_index_build');
  });
  afterAll(() => db.drop());

  const connect = async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    return client;
  };
  // What TypeORM's QueryRunner answers: the rows.
  const migrate = (client: Client) =>
    new EventsHistoryFilterIndexes1765610000000().up({
      query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
    } as unknown as QueryRunner);
  const indexes = async () =>
    (
      await db.pool.query<{ name: string; valid: boolean; oid: number }>(
        `SELECT c.relname AS name, i.indisvalid AS valid, c.oid::int AS oid
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE c.relname = ANY($1) ORDER BY c.relname`,
        [NAMES],
      )
    ).rows;
  const append = () =>
    new EventStore(db.pool).append(`follow-up-${randomUUID()}`, [
      {
        type: 'FollowUpProgressReported',
        eventId: randomUUID(),
        data: { note: 'while the index builds' },
        metadata: { actor: 'kisa.officer', role: 'agency_officer', correlation_id: 'c' },
      },
    ]);

  it('lets appends through while a build waits for an open writer', async () => {
    for (const name of NAMES) await db.pool.query(`DROP INDEX ${name}`);
    const writer = await connect();
    const builder = await connect();
    try {
      // A writer's transaction is open: the build must wait for it.
      await writer.query('BEGIN');
      await writer.query('LOCK TABLE events IN ROW EXCLUSIVE MODE');
      const build = migrate(builder);
      for (;;) {
        const { rows } = await db.pool.query(
          `SELECT 1 FROM pg_stat_activity
            WHERE pid = $1 AND wait_event_type = 'Lock' AND query ILIKE 'CREATE INDEX%'`,
          [(builder as unknown as { processID: number }).processID],
        );
        if (rows.length > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      // A plain CREATE INDEX queues for a SHARE lock, and this append would queue behind it.
      const appended = await Promise.race([
        append().then(() => 'appended'),
        new Promise((r) => setTimeout(() => r('blocked by the index build'), 3000)),
      ]);
      expect(appended).toBe('appended');
      await writer.query('COMMIT');
      await build;
    } finally {
      await writer.end();
      await builder.end();
    }
    expect(await indexes()).toEqual(
      NAMES.sort().map((name) => expect.objectContaining({ name, valid: true })),
    );
  });

  it('rebuilds an index a failed concurrent build left invalid, and leaves valid ones alone', async () => {
    const before = await indexes();
    await db.pool.query(
      `UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'events_actor_order_idx'::regclass`,
    );
    const builder = await connect();
    try {
      await migrate(builder);
    } finally {
      await builder.end();
    }
    const after = await indexes();
    expect(after.every((i) => i.valid)).toBe(true);
    const oid = (rows: typeof before, name: string) => rows.find((i) => i.name === name)?.oid;
    expect(oid(after, 'events_actor_order_idx')).not.toBe(oid(before, 'events_actor_order_idx'));
    expect(oid(after, 'events_type_order_idx')).toBe(oid(before, 'events_type_order_idx'));
  });
});
