import { canonicalEventBody, canonicalJson, eventBodyFromParts } from '@liaison/event-store';
import { eventBodyText } from './event-body';

describe('eventBodyText', () => {
  it("is the event store's canonical body, with the time given as text", () => {
    const e = {
      streamId: 'follow-up-1',
      eventId: '0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b11',
      type: 'FollowUpAssigned',
      schemaVersion: 2,
      data: { b: [1, { d: 'x', c: null }], a: 'é "q"' },
      metadata: { role: 'bureau_head', actor: 'u1', correlation_id: 'c1' },
      recordedAt: new Date('2025-06-01T09:30:00.120Z'),
    };
    const text = eventBodyText(
      e.streamId,
      e.eventId,
      e.type,
      e.schemaVersion,
      canonicalJson(e.data),
      canonicalJson(e.metadata),
      e.recordedAt.toISOString(),
    );
    expect(text).toBe(canonicalEventBody(e));
    expect(text).toBe(
      eventBodyFromParts(e, canonicalJson(e.data), canonicalJson(e.metadata), e.recordedAt),
    );
  });
});
