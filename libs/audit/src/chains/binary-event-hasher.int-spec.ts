import { EventStore, NewEvent } from '@liaison/event-store';
import { copyBinaryTuples } from '../reading/copy-binary';
import {
  createThrowawayDatabase,
  ThrowawayDatabase,
} from '../../../../test/support/throwaway-database';
import { BinaryEventHasher, FIELD_COUNT } from './binary-event-hasher';
import { CHAIN_COLUMNS, Col } from './chain-rows';
import { ChainChecker } from './chain-checker';
import { UNUSUAL_JSON } from '../../../event-store/src/testing/unusual-json';

const meta = { actor: 'u-1', role: 'agency_officer', correlation_id: 'c-1' };
const unusual: NewEvent[] = [
  { type: 'ThingHappened', data: { n: 1e21, small: 1e-7, neg: -0.5, pi: 3.14159 }, metadata: meta },
  {
    type: 'ThingHappened',
    data: { text: ['\n', '"', '\\', '\u2028', '✓', '😀'], é: true, a: null },
    metadata: { ...meta, agency: '한글' },
  },
  {
    type: 'ThingHappened',
    data: { '\uE000': 1, '😀': 2, z: { y: [{ b: 1, a: [] }] } },
    metadata: meta,
  },
  { type: 'ThingHappened', data: {}, metadata: meta },
];

/** The fast path must agree with the event store on everything the store writes. */
describe('BinaryEventHasher on rows from a binary COPY', () => {
  let db: ThrowawayDatabase;

  beforeAll(async () => {
    db = await createThrowawayDatabase('liaison_audit');
    const store = new EventStore(db.pool);
    await store.append('stream:with.odd_chars-1', unusual);
    await store.append('plain-stream', unusual.slice(0, 2));
  });
  afterAll(() => db.drop());

  async function tuples<T>(
    each: (t: import('../reading/copy-binary').BinaryTuple) => T,
    where = 'true',
  ) {
    const client = await db.pool.connect();
    const out: T[] = [];
    try {
      await copyBinaryTuples(
        client,
        `SELECT ${CHAIN_COLUMNS} FROM events WHERE ${where} ORDER BY stream_id, version`,
        FIELD_COUNT,
        (t) => out.push(each(t)),
      );
    } finally {
      client.release();
    }
    return out;
  }

  it('recomputes every stored hash without falling back', async () => {
    const hasher = new BinaryEventHasher();
    const previous = Buffer.alloc(32);
    let previousLength = 0;
    const verdicts = await tuples((t) => {
      if (t.int32(Col.Version) === 1) previousLength = 0;
      const ok = hasher.matches(t, previous, previousLength);
      t.buffer.copy(previous, 0, t.starts[Col.Hash], t.starts[Col.Hash] + 32);
      previousLength = 32;
      return ok;
    });
    expect(verdicts).toEqual(Array(6).fill(true));
  });

  it('leaves what the store cannot have written to the exact path, which names it', async () => {
    await db.pool.query(
      `UPDATE events SET recorded_at = recorded_at + interval '1 microsecond'
       WHERE stream_id = 'plain-stream' AND version = 2`,
    );
    const checker = new ChainChecker();
    await tuples((t) => checker.check(t));
    expect(checker.checked).toBe(6);
    expect(checker.broken.count).toBe(1);
    expect(checker.broken.first).toMatchObject({
      streamId: 'plain-stream',
      version: 2,
      problem: expect.stringMatching(/has sub-millisecond digits/),
    });
  });

  it('a failure while reading leaves the connection usable', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      let seen = 0;
      await expect(
        copyBinaryTuples(
          client,
          `SELECT ${CHAIN_COLUMNS} FROM events ORDER BY stream_id, version`,
          FIELD_COUNT,
          () => {
            if (++seen === 2) throw new Error('the checker broke');
          },
        ),
      ).rejects.toThrow('the checker broke');
      expect(seen).toBe(2); // nothing handed over after the failure
      await client.query('ROLLBACK');
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      client.release();
    }
  });
  it("agrees with the store on the hash contract's unusual values (escaped keys: exact path)", async () => {
    await new EventStore(db.pool).append(
      'unusual-1',
      UNUSUAL_JSON.map(({ value }) => ({
        type: 'ThingHappened',
        data: value,
        metadata: { ...meta, value },
      })),
    );
    const hasher = new BinaryEventHasher();
    const checker = new ChainChecker();
    const previous = Buffer.alloc(32);
    let previousLength = 0;
    const verdicts = await tuples((t) => {
      checker.check(t);
      const ok = hasher.matches(t, previous, previousLength);
      t.buffer.copy(previous, 0, t.starts[Col.Hash], t.starts[Col.Hash] + 32);
      previousLength = 32;
      return ok;
    }, "stream_id = 'unusual-1'");
    expect(verdicts).toEqual(UNUSUAL_JSON.map((u) => !u.escapedKeys));
    expect(checker.broken.count).toBe(0);
  });
});
