import { randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { testPool } from '../../../../test/support/database';
import { EventStore } from '../event-store';
import { START } from '../event.types';
import { EventFilter } from './event-filter';

/** The audit's history filters, in Postgres: what passes, paging, and the index each one uses. */
describe('readAll with a filter', () => {
  let pool: Pool;
  let store: EventStore;
  const run = randomUUID().slice(0, 8);
  const stream = (n: number) => `filtertest-${run}-${n}`;
  const meta = (actor: string, extra: Record<string, unknown> = {}) => ({
    actor,
    role: 'bureau_head',
    correlation_id: 'c',
    ...extra,
  });
  const alice = `alice-${run}`;
  const bob = `bob-${run}`;
  const type = `Filtered${run.replace(/[^a-z0-9]/gi, '')}`;
  let between: Date;

  beforeAll(async () => {
    pool = testPool(4);
    store = new EventStore(pool);
    await store.append(stream(1), [{ type, data: {}, metadata: meta(alice) }]);
    await store.append(stream(1), [{ type: `${type}Other`, data: {}, metadata: meta(bob) }]);
    await new Promise((r) => setTimeout(r, 20));
    between = new Date();
    await new Promise((r) => setTimeout(r, 20));
    // bob acting for alice (대결): alice's filter finds it too
    await store.append(stream(2), [
      { type, data: {}, metadata: meta(bob, { on_behalf_of: alice }) },
    ]);
    await store.append(stream(2), [{ type, data: {}, metadata: meta(bob) }]);
    // readAll takes only transactions older than every open one (other sessions' included).
    for (let i = 0; i < 300; i++) {
      const page = await store.readAll({ filter: { streamId: stream(2) } });
      if (page.events.length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(() => pool.end());

  const all = async (filter: EventFilter, limit = 1000) => {
    const seen: string[] = [];
    let after = START;
    for (;;) {
      const page = await store.readAll({ after, limit, filter });
      seen.push(...page.events.map((e) => `${e.streamId.slice(-1)}/${e.version}`));
      if (page.events.length < limit) return seen;
      after = page.checkpoint;
    }
  };

  it('keeps the events that pass each clause, in global order', async () => {
    expect(await all({ type })).toEqual(['1/1', '2/1', '2/2']);
    expect(await all({ streamId: stream(1) })).toEqual(['1/1', '1/2']);
    expect(await all({ actor: alice })).toEqual(['1/1', '2/1']);
    expect(await all({ actor: bob, streamId: stream(1) })).toEqual(['1/2']);
    expect(await all({ type, from: between })).toEqual(['2/1', '2/2']);
    expect(await all({ type, to: between })).toEqual(['1/1']);
    expect(await all({ type, actor: `nobody-${run}` })).toEqual([]);
  });

  it('pages a filtered history from the last event’s checkpoint', async () => {
    expect(await all({ type }, 1)).toEqual(['1/1', '2/1', '2/2']);
    const first = await store.readAll({ limit: 2, filter: { type } });
    const rest = await store.readAll({ after: first.checkpoint, limit: 2, filter: { type } });
    expect(rest.events.map((e) => e.version)).toEqual([2]);
  });

  /** The SQL readAll sends, explained: which index answers a filter. */
  async function planOf(filter: EventFilter): Promise<string> {
    const client = await pool.connect();
    try {
      let sent: { text: string; values: unknown[] } | undefined;
      const recorder = {
        query: (text: string, values: unknown[]) => {
          sent = { text, values };
          return client.query(text, values);
        },
      } as unknown as PoolClient;
      await store.readAll({ filter, client: recorder });
      // The test database is small: forbid the sequential scan so the index choice shows.
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN ${sent!.text}`,
        sent!.values,
      );
      await client.query('ROLLBACK');
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      client.release();
    }
  }

  it('answers each filter from its own index', async () => {
    expect(await planOf({ type })).toContain('events_type_order_idx');
    const actor = await planOf({ actor: alice });
    expect(actor).toContain('events_actor_order_idx');
    expect(actor).toContain('events_on_behalf_of_order_idx');
    expect(await planOf({ streamId: stream(1) })).toContain('events_stream_version_key');
  });
});
