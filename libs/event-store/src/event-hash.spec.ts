import { canonicalJson } from './canonical-json';
import { canonicalEventBody, chainHash, eventBodyText, HashedFields } from './event-hash';
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

  it('is the same text from canonical parts and the time as ISO text', () => {
    const e = {
      ...event,
      schemaVersion: 12,
      data: { b: [1, { d: 'x', c: null }], a: 'é "q"' },
      recordedAt: new Date('2025-06-01T09:30:00.120Z'),
    };
    expect(
      eventBodyText({
        streamId: e.streamId,
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        dataJson: canonicalJson(e.data),
        metadataJson: canonicalJson(e.metadata),
        recordedAtIso: e.recordedAt.toISOString(),
      }),
    ).toBe(canonicalEventBody(e));
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

/**
 * Known answers: fixed events and the hashes the store writes for them (the README's "For
 * outside verifiers" lists the same). Changing the format breaks every older export, so a
 * change must fail here first.
 */
describe('chain hash known answers', () => {
  const first: HashedFields = {
    streamId: 'follow-up-1',
    eventId: '0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b11',
    type: 'FollowUpAssigned',
    schemaVersion: 1,
    data: {
      title: 'Patch the VPN gateway',
      agency: 'KISA',
      note: 'é "q"',
      due: { tz: 'Asia/Seoul', at: '2025-06-03T09:00:00Z' },
    },
    metadata: { role: 'bureau_head', actor: 'u-1', correlation_id: 'c-1' },
    recordedAt: new Date('2025-06-01T09:30:00.120Z'),
  };
  const second: HashedFields = {
    streamId: 'follow-up-1',
    eventId: '6f1d2c3b-4a59-4e68-8d7c-9b0a1f2e3d4c',
    type: 'FollowUpAcknowledged',
    schemaVersion: 2,
    data: { by: 'u-7', tags: ['ai', '한글'] },
    metadata: {
      role: 'agency_officer',
      actor: 'u-7',
      agency: 'KISA',
      correlation_id: 'c-2',
      causation_id: '0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b11',
    },
    recordedAt: new Date('2025-06-01T09:31:05.007Z'),
  };
  const FIRST_BODY =
    '{"data":{"agency":"KISA","due":{"at":"2025-06-03T09:00:00Z","tz":"Asia/Seoul"},' +
    '"note":"é \\"q\\"","title":"Patch the VPN gateway"},' +
    '"eventId":"0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b11",' +
    '"metadata":{"actor":"u-1","correlation_id":"c-1","role":"bureau_head"},' +
    '"recordedAt":"2025-06-01T09:30:00.120Z","schemaVersion":1,' +
    '"streamId":"follow-up-1","type":"FollowUpAssigned"}';
  const FIRST_HASH = 'b558c73053de74188f1fa8b4b72ab3fc2fa6293c12d3a990bc3c65fd09a4aa3b';
  const SECOND_BODY =
    '{"data":{"by":"u-7","tags":["ai","한글"]},' +
    '"eventId":"6f1d2c3b-4a59-4e68-8d7c-9b0a1f2e3d4c",' +
    '"metadata":{"actor":"u-7","agency":"KISA","causation_id":"0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b11",' +
    '"correlation_id":"c-2","role":"agency_officer"},' +
    '"recordedAt":"2025-06-01T09:31:05.007Z","schemaVersion":2,' +
    '"streamId":"follow-up-1","type":"FollowUpAcknowledged"}';
  const SECOND_HASH = 'cec38dbc9856c0843030abd2b73cd1f51ccc5e31d7f9be22c804646b1f28fb2c';

  it('writes the first event of a stream and hashes it from no previous bytes', () => {
    expect(canonicalEventBody(first)).toBe(FIRST_BODY);
    expect(chainHash('', FIRST_BODY)).toBe(FIRST_HASH);
  });

  it('chains the second event from the first one’s hash bytes', () => {
    expect(canonicalEventBody(second)).toBe(SECOND_BODY);
    expect(chainHash(FIRST_HASH, SECOND_BODY)).toBe(SECOND_HASH);
  });
});
