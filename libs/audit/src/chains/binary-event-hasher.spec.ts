import { canonicalEventBody, chainHash, HashedFields } from '@liaison/event-store/event-hash';
import { CHAIN_VECTORS } from '../../../event-store/src/testing/known-answers';
import { UNUSUAL_JSON, UNUSUAL_NAMES } from '../../../event-store/src/testing/unusual-json';
import { BinaryTuple } from '../reading/copy-binary';
import { asJsonbText } from '../testing/jsonb-text';
import { BinaryEventHasher, FIELD_COUNT, PG_EPOCH_MS } from './binary-event-hasher';
import { ChainChecker, HASH_MISMATCH } from './chain-checker';
import { Col } from './chain-rows';

/** A stored event as a binary COPY tuple of CHAIN_COLUMNS, the way Postgres sends it. */
function tupleOf(
  e: HashedFields,
  version: number,
  hashHex: string,
  position = version,
): BinaryTuple {
  const int = (bytes: number, n: number) => {
    const b = Buffer.alloc(bytes);
    if (bytes === 8) b.writeBigInt64BE(BigInt(n));
    else b.writeInt32BE(n);
    return b;
  };
  const jsonb = (v: unknown) => Buffer.concat([Buffer.from([1]), Buffer.from(asJsonbText(v))]);
  const fields: Buffer[] = [];
  fields[Col.Position] = int(8, position);
  fields[Col.StreamId] = Buffer.from(e.streamId, 'utf8');
  fields[Col.Version] = int(4, version);
  fields[Col.EventId] = Buffer.from(e.eventId.replace(/-/g, ''), 'hex');
  fields[Col.Type] = Buffer.from(e.type, 'utf8');
  fields[Col.SchemaVersion] = int(4, e.schemaVersion);
  fields[Col.Data] = jsonb(e.data);
  fields[Col.Metadata] = jsonb(e.metadata);
  fields[Col.RecordedAt] = int(8, (e.recordedAt.getTime() - PG_EPOCH_MS) * 1000); // exact below 2^53
  fields[Col.Hash] = Buffer.from(hashHex, 'hex');
  const t = new BinaryTuple(FIELD_COUNT);
  t.buffer = Buffer.concat([Buffer.from('junk'), ...fields]);
  let at = 4;
  fields.forEach((f, i) => {
    t.starts[i] = at;
    t.lengths[i] = f.length;
    at += f.length;
  });
  return t;
}

/** A stream's events as tuples with the hashes the event store writes (its own chainHash). */
function stream(events: HashedFields[]): BinaryTuple[] {
  let previous = '';
  return events.map((e, i) => {
    previous = chainHash(previous, canonicalEventBody(e));
    return tupleOf(e, i + 1, previous);
  });
}

/** What the fast path says of each tuple, chained from the stored hash before it. */
function verdicts(tuples: BinaryTuple[]): boolean[] {
  const hasher = new BinaryEventHasher();
  const previous = Buffer.alloc(32);
  let previousLength = 0;
  return tuples.map((t) => {
    const ok = hasher.matches(t, previous, previousLength);
    t.buffer.copy(previous, 0, t.starts[Col.Hash], t.starts[Col.Hash] + 32);
    previousLength = 32;
    return ok;
  });
}

const base: HashedFields = {
  streamId: 'follow-up-1',
  eventId: '0B5F7F3E-6A43-4D59-9A57-0C9A0F1F2B11'.toLowerCase(),
  type: 'ThingHappened',
  schemaVersion: 1,
  data: {},
  metadata: { actor: 'u-1', role: 'agency_officer', correlation_id: 'c-1' },
  recordedAt: new Date('2025-06-01T09:30:00.120Z'),
};

/**
 * The fast path writes the body's bytes straight from Postgres's (and its fixed bytes from the
 * contract's own eventBodyText): it must hash exactly what the event store hashed, fed the same
 * unusual values the contract's other specs use.
 */
describe('BinaryEventHasher against the hash contract', () => {
  it('gives the known answers', () => {
    const tuples = CHAIN_VECTORS.map((v, i) => tupleOf(v.event, i + 1, v.hash));
    expect(verdicts(tuples)).toEqual([true, true]);
  });

  it.each(UNUSUAL_JSON)('recomputes the stored hash for $name', ({ value, escapedKeys }) => {
    const tuples = stream([
      { ...base, data: value },
      { ...base, metadata: { ...base.metadata, value } },
    ]);
    // Escaped keys are left to the exact path, which the chain checker asks.
    expect(verdicts(tuples)).toEqual(escapedKeys ? [false, false] : [true, true]);
    const checker = new ChainChecker();
    tuples.forEach((t) => checker.check(t));
    expect(checker.broken.count).toBe(0);
  });

  it('writes unusual stream ids and types, schema versions and times as the contract does', () => {
    const times = [
      '1999-12-31T23:59:59.999Z', // before Postgres's epoch: negative microseconds
      '2000-01-01T00:00:00.000Z',
      '1970-01-01T00:00:00.001Z',
      '2250-12-31T23:59:59.999Z', // past that, microseconds since 2000 pass 2^53
      '2025-06-01T09:30:00.120Z',
      '2025-06-01T09:30:00.121Z', // the same second as before
    ];
    const events = UNUSUAL_NAMES.flatMap((name, i) =>
      times.map((time, j) => ({
        ...base,
        streamId: name,
        type: name,
        schemaVersion: [1, 9, 10, 12, 300, 2_147_483_647][j],
        eventId: `0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b${i}${j}`,
        recordedAt: new Date(time),
      })),
    );
    expect(verdicts(stream(events))).toEqual(events.map(() => true));
  });

  it('hashes an event bigger than its scratch buffer', () => {
    const big = { ...base, data: { text: 'é'.repeat(100_000), list: Array(5000).fill({ a: 1 }) } };
    expect(verdicts(stream([big, base, big]))).toEqual([true, true, true]);
  });

  it('sees a changed value, and the chain checker confirms it on the exact path', () => {
    const tuples = stream([
      { ...base, data: { n: 1 } },
      { ...base, data: { n: 2 } },
    ]);
    const changed = tupleOf(
      { ...base, data: { n: 3 } },
      2,
      tuples[1].buffer.toString('hex', tuples[1].starts[Col.Hash]),
    );
    expect(verdicts([tuples[0], changed])).toEqual([true, false]);
    const checker = new ChainChecker();
    [tuples[0], changed].forEach((t) => checker.check(t));
    expect(checker.broken.first).toMatchObject({ version: 2, problem: HASH_MISMATCH });
  });

  it('cannot tell (and says false) for values the store cannot have written', () => {
    const [t] = stream([base]);
    const microsecond = tupleOf({ ...base }, 1, t.buffer.toString('hex', t.starts[Col.Hash]));
    microsecond.buffer.writeBigInt64BE(
      microsecond.buffer.readBigInt64BE(microsecond.starts[Col.RecordedAt]) + 1n,
      microsecond.starts[Col.RecordedAt],
    );
    expect(verdicts([microsecond])).toEqual([false]);
    const nullField = tupleOf(base, 1, t.buffer.toString('hex', t.starts[Col.Hash]));
    nullField.lengths[Col.Type] = -1;
    expect(verdicts([nullField])).toEqual([false]);
  });
});
