import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { testPool } from '../../../test/support/database';
import { chainHash, canonicalEventBody } from './event-hash';
import { EventStore } from './event-store';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError } from './event-store.errors';
import { NewEvent } from './event.types';
import { UpcasterRegistry } from './upcasters';

const meta = { actor: 'tester', role: 'bureau_head', agency: 'MSIT', correlation_id: 'corr-1' };
const event = (type = 'ThingHappened', data: Record<string, unknown> = { n: 1 }): NewEvent => ({
  type,
  data,
  metadata: meta,
});
const newStream = () => `test-${randomUUID()}`;

describe('EventStore on Postgres', () => {
  let pool: Pool;
  let store: EventStore;

  beforeAll(() => {
    pool = testPool(60);
    store = new EventStore(pool);
  });
  afterAll(() => pool.end());

  const countIn = async (streamId: string) =>
    Number(
      (await pool.query('SELECT count(*) AS n FROM events WHERE stream_id = $1', [streamId]))
        .rows[0].n,
    );

  it('appends a batch with consecutive versions and a valid hash chain', async () => {
    const s = newStream();
    const result = await store.append(s, [event(), event(), event()], {
      expectedVersion: 'no_stream',
    });
    expect(result).toMatchObject({ streamId: s, version: 3, appended: true });

    const stored = await store.readStream(s);
    expect(stored.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(stored[2].position).toBe(result.position);
    let previous = '';
    for (const e of stored) {
      expect(e.hash).toBe(chainHash(previous, canonicalEventBody(e)));
      previous = e.hash;
    }
  });

  it('checks exact and no-stream expected versions', async () => {
    const s = newStream();
    await store.append(s, [event()], { expectedVersion: 'no_stream' });
    await expect(store.append(s, [event()], { expectedVersion: 'no_stream' })).rejects.toThrow(
      ConcurrencyError,
    );
    await expect(store.append(s, [event()], { expectedVersion: 2 })).rejects.toMatchObject({
      code: 'CONCURRENCY_CONFLICT',
      actual: 1,
    });
    await expect(store.append(s, [event()], { expectedVersion: 1 })).resolves.toMatchObject({
      version: 2,
    });
  });

  it('lets exactly one of 50 concurrent appends at the same version win', async () => {
    const s = newStream();
    await store.append(s, [event()], { expectedVersion: 'no_stream' });
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        store.append(s, [event('ThingHappened', { writer: i })], { expectedVersion: 1 }),
      ),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a) => a.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const l of lost) expect(l.reason).toBeInstanceOf(ConcurrencyError);
    const versions = (await store.readStream(s)).map((e) => e.version);
    expect(versions).toEqual([1, 2]);
  });

  it('loses nothing when 50 writers append to one stream with retries', async () => {
    const s = newStream();
    const writer = async (i: number) => {
      for (;;) {
        const version = await store.streamVersion(s);
        try {
          return await store.append(s, [event('ThingHappened', { writer: i })], {
            expectedVersion: version === 0 ? 'no_stream' : version,
          });
        } catch (err) {
          if (!(err instanceof ConcurrencyError)) throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer(i)));
    const stored = await store.readStream(s);
    expect(stored.map((e) => e.version)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(stored.map((e) => e.data.writer)).size).toBe(50);
  });

  it('treats re-appending the same event ids as a no-op', async () => {
    const s = newStream();
    const batch = [
      { ...event(), eventId: randomUUID() },
      { ...event(), eventId: randomUUID() },
    ];
    const first = await store.append(s, batch, { expectedVersion: 'no_stream' });
    const again = await store.append(s, batch, { expectedVersion: 'no_stream' });
    const againAny = await store.append(s, batch);
    expect(again).toEqual({ ...first, appended: false });
    expect(againAny).toEqual({ ...first, appended: false });
    expect(await countIn(s)).toBe(2);
  });

  it('refuses an event id that is stored in another stream', async () => {
    const eventId = randomUUID();
    await store.append(newStream(), [{ ...event(), eventId }]);
    await expect(store.append(newStream(), [{ ...event(), eventId }])).rejects.toThrow(
      DuplicateEventIdError,
    );
  });

  it.each([
    [
      'an unknown expected-version form',
      [event()],
      { expectedVersion: 'latest' },
      'expectedVersion',
    ],
    ['a zero expected version', [event()], { expectedVersion: 0 }, 'expectedVersion'],
    ['an empty batch', [], {}, 'events'],
    [
      'non-serialisable data',
      [event('ThingHappened', { at: new Date() })],
      {},
      'events[0].data.at',
    ],
    ['a NaN in data', [event('ThingHappened', { n: NaN })], {}, 'events[0].data.n'],
    ['a lower-case event type', [event('thingHappened')], {}, 'events[0].type'],
    ['a non-uuid event id', [{ ...event(), eventId: 'abc' }], {}, 'events[0].eventId'],
  ])('refuses %s with a typed error and writes nothing', async (_label, events, opts, field) => {
    const s = newStream();
    const attempt = store.append(s, events as NewEvent[], opts as never);
    await expect(attempt).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.append(s, events as NewEvent[], opts as never)).rejects.toMatchObject({
      field,
    });
    expect(await countIn(s)).toBe(0);
  });

  it('refuses a batch whose later event is bad, writing none of it', async () => {
    const s = newStream();
    await expect(
      store.append(s, [event(), event('ThingHappened', { f: () => 1 })]),
    ).rejects.toThrow('events[1].data.f');
    expect(await countIn(s)).toBe(0);
  });

  it('reads a stream by version range and as of a time', async () => {
    const s = newStream();
    await store.append(s, [event(), event()]);
    const between = new Date();
    await new Promise((r) => setTimeout(r, 10));
    await store.append(s, [event()]);
    expect((await store.readStream(s, { fromVersion: 2 })).map((e) => e.version)).toEqual([2, 3]);
    expect((await store.readStream(s, { toVersion: 1 })).map((e) => e.version)).toEqual([1]);
    expect((await store.readStream(s, { asOf: between })).map((e) => e.version)).toEqual([1, 2]);
  });

  it('reads an event stored at schema version 1 as version 2 through its upcaster', async () => {
    const s = newStream();
    await store.append(s, [
      { type: 'ThingRenamed', schemaVersion: 1, data: { name: 'Ada Lovelace' }, metadata: meta },
    ]);
    const upcasters = new UpcasterRegistry().register({
      type: 'ThingRenamed',
      fromVersion: 1,
      upcast: (d) => {
        const [first, last] = String(d.name).split(' ');
        return { firstName: first, lastName: last };
      },
    });
    const upcasting = new EventStore(pool, upcasters);
    const [read] = await upcasting.readStream(s);
    expect(read.schemaVersion).toBe(2);
    expect(read.data).toEqual({ firstName: 'Ada', lastName: 'Lovelace' });
    const [raw] = await upcasting.readStream(s, { raw: true });
    expect(raw).toMatchObject({ schemaVersion: 1, data: { name: 'Ada Lovelace' } });
  });

  it('coalesces concurrent single appends into one statement, each caller getting its own answer', async () => {
    const streams = Array.from({ length: 8 }, newStream);
    await store.append(streams[0], [event()]);
    const known: NewEvent = { ...event(), eventId: randomUUID() };
    const original = await store.append(streams[1], [known]);
    const queries = jest.spyOn(pool, 'query');
    const outcomes = await Promise.allSettled([
      store.append(streams[0], [event()], { expectedVersion: 'no_stream' }), // it exists: 409
      store.append(streams[1], [known]), // the same event again: the original answer
      ...streams.slice(2).map((s) => store.append(s, [event()], { expectedVersion: 'no_stream' })),
      store.append(streams[2], [event('ThingMoved')], { expectedVersion: 1 }), // after the first
    ]);
    const statements = queries.mock.calls.length;
    queries.mockRestore();

    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { actual: 1 } });
    expect(outcomes[1]).toEqual({ status: 'fulfilled', value: { ...original, appended: false } });
    for (const o of outcomes.slice(2, 8)) {
      expect(o).toMatchObject({ status: 'fulfilled', value: { version: 1, appended: true } });
    }
    expect(outcomes[8]).toMatchObject({ status: 'fulfilled', value: { version: 2 } });
    expect((await store.readStream(streams[2])).map((e) => e.type)).toEqual([
      'ThingHappened',
      'ThingMoved',
    ]);
    expect(await countIn(streams[1])).toBe(1);
    // nine appends: far fewer statements than one each (the shared one failed on the repeated
    // event id, so each ran again alone: still correct, only slower)
    expect(statements).toBeLessThan(20);
  });

  it('coalesced appends of distinct new streams share one statement', async () => {
    const streams = Array.from({ length: 6 }, newStream);
    const queries = jest.spyOn(pool, 'query');
    const results = await Promise.all(
      streams.map((s) => store.append(s, [event()], { expectedVersion: 'no_stream' })),
    );
    const statements = queries.mock.calls.filter(([q]) => typeof q === 'object').length;
    queries.mockRestore();
    expect(results.map((r) => r.version)).toEqual(streams.map(() => 1));
    expect(new Set(results.map((r) => r.position)).size).toBe(streams.length);
    expect(statements).toBe(1);
    for (const s of streams) {
      const [stored] = await store.readStream(s);
      expect(stored.hash).toBe(chainHash('', canonicalEventBody(stored)));
    }
  });

  it('a coalesced statement failing for another reason than a conflict fails every caller once', async () => {
    const streams = Array.from({ length: 3 }, newStream);
    const realQuery = pool.query.bind(pool);
    const queries = jest.spyOn(pool, 'query').mockImplementation(((
      config: unknown,
      ...rest: unknown[]
    ) => {
      if (
        typeof config === 'object' &&
        (config as { name?: string }).name === 'liaison_append_to_streams'
      ) {
        return Promise.reject(new Error('connection terminated'));
      }
      return (realQuery as (...a: unknown[]) => unknown)(config, ...rest);
    }) as never);
    const outcomes = await Promise.allSettled(streams.map((s) => store.append(s, [event()])));
    const calls = queries.mock.calls.length;
    queries.mockRestore();
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls).toBe(1); // not retried one by one against a failing database
    for (const s of streams) expect(await countIn(s)).toBe(0);
  });

  describe('one event to each of many streams', () => {
    const inTransaction = async <T>(work: (c: import('pg').PoolClient) => Promise<T>) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    };

    it('appends to the streams at their expected version and lists the others as conflicts', async () => {
      const [a, b, c] = [newStream(), newStream(), newStream()];
      await store.append(a, [event()]);
      await store.append(b, [event(), event()]);
      const result = await inTransaction((tx) =>
        store.appendToStreams(
          [
            { streamId: a, event: event('ThingMoved'), expectedVersion: 1 },
            { streamId: b, event: event('ThingMoved'), expectedVersion: 1 }, // b is at 2
            { streamId: c, event: event('ThingMoved'), expectedVersion: 'no_stream' },
          ],
          tx,
        ),
      );
      expect(result.conflicts).toEqual([b]);
      // rows come back in stream-id order (the order every writer inserts in)
      expect(result.appended.map((r) => [r.streamId, r.version])).toEqual(
        [
          [a, 2],
          [c, 1],
        ].sort(([x], [y]) => String(x).localeCompare(String(y))),
      );
      expect(await countIn(b)).toBe(2);
      const streams = await store.readStreams([a, b, c]);
      expect(streams.get(a)!.map((e) => e.type)).toEqual(['ThingHappened', 'ThingMoved']);
      // the hash chain continues from each stream's own head
      const [first, second] = streams.get(a)!;
      expect(second.hash).toBe(chainHash(first.hash, canonicalEventBody(second)));
      expect(streams.get(c)![0].hash).toBe(chainHash('', canonicalEventBody(streams.get(c)![0])));
    });

    it('writes nothing when the caller rolls back', async () => {
      const s = newStream();
      await expect(
        inTransaction(async (tx) => {
          await store.appendToStreams([{ streamId: s, event: event() }], tx);
          throw new Error('the caller gives up');
        }),
      ).rejects.toThrow('the caller gives up');
      expect(await countIn(s)).toBe(0);
    });

    it('refuses a stream named twice and bad events, writing nothing', async () => {
      const s = newStream();
      await expect(
        inTransaction((tx) =>
          store.appendToStreams(
            [
              { streamId: s, event: event() },
              { streamId: s, event: event() },
            ],
            tx,
          ),
        ),
      ).rejects.toMatchObject({ field: 'appends[1].streamId' });
      await expect(
        inTransaction((tx) =>
          store.appendToStreams([{ streamId: s, event: { ...event(), data: { n: NaN } } }], tx),
        ),
      ).rejects.toBeInstanceOf(InvalidAppendError);
      expect(await countIn(s)).toBe(0);
    });
  });
});
