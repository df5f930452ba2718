import { canonicalJson } from './canonical-json';
import { canonicalEventBody, chainHash } from './event-hash';

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
});
