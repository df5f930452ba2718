import { canonicalJson } from './canonical-json';
import { canonicalEventBody, chainHash, eventBodyText } from './event-hash';
import { CHAIN_VECTORS } from './testing/known-answers';
import { UNUSUAL_JSON, UNUSUAL_NAMES } from './testing/unusual-json';

describe('canonical event body', () => {
  const event = {
    streamId: 'follow-up-1',
    eventId: '0b7f3a9e-59a4-4c47-9a55-1f5a2c3d4e5f',
    type: 'FollowUpAssigned',
    schemaVersion: 1,
    data: { z: 1, a: { y: [1, 'two'], b: null } },
    metadata: { actor: 'u1', role: 'bureau_head', correlation_id: 'c1' },
    recordedAt: new Date('2026-11-18T09:00:00.000Z'),
  };

  it('is the canonical JSON of the hashed fields', () => {
    expect(canonicalEventBody(event)).toBe(
      canonicalJson({ ...event, recordedAt: event.recordedAt.toISOString() }),
    );
  });

  it('does not depend on key order', () => {
    const reordered = { ...event, data: { a: { b: null, y: [1, 'two'] }, z: 1 } };
    expect(canonicalEventBody(reordered)).toBe(canonicalEventBody(event));
  });

  it('chains: the same body after a different predecessor hashes differently', () => {
    const body = canonicalEventBody(event);
    const first = chainHash('', body);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(first, body)).not.toBe(first);
  });

  it('is canonical JSON of the fields, from canonical parts and the time as ISO text', () => {
    const fields = {
      ...event,
      schemaVersion: 12,
      data: { b: [1, { d: 'x', c: null }], a: 'é "q"' },
      recordedAt: '2025-06-01T09:30:00.120Z',
    };
    const { data, metadata, recordedAt, ...rest } = fields;
    const parts = { dataJson: canonicalJson(data), metadataJson: canonicalJson(metadata) };
    const text = eventBodyText({ ...rest, ...parts, recordedAtIso: recordedAt });
    expect(text).toBe(canonicalJson(fields));
    expect(text).toBe(canonicalEventBody({ ...fields, recordedAt: new Date(recordedAt) }));
  });

  it.each(UNUSUAL_JSON)('is canonical JSON of the fields also for $name', ({ value }) => {
    for (const name of UNUSUAL_NAMES) {
      const e = {
        ...event,
        streamId: name,
        type: name,
        data: value,
        metadata: { ...event.metadata, value },
      };
      expect(canonicalEventBody(e)).toBe(
        canonicalJson({ ...e, recordedAt: e.recordedAt.toISOString() }),
      );
    }
  });
});

describe('chain hash known answers (README: "For outside verifiers")', () => {
  const [first, second] = CHAIN_VECTORS;

  it('writes the first event of a stream and hashes it from no previous bytes', () => {
    expect(canonicalEventBody(first.event)).toBe(first.body);
    expect(chainHash('', first.body)).toBe(first.hash);
  });

  it('chains the second event from the first one’s hash bytes', () => {
    expect(canonicalEventBody(second.event)).toBe(second.body);
    expect(chainHash(first.hash, second.body)).toBe(second.hash);
  });
});
