import { StoredEvent } from '@liaison/event-store';
import { jobsForEvent } from './relay-jobs';

const FOLLOW_UP = '6f1c1a52-4a8e-4e0e-9d0b-0a3e5d7f0c11';
const EVENT = '7a2d2b63-5b9f-4f1f-8e1c-1b4f6e8a1d22';

const stored = (type: string, data: Record<string, unknown>): StoredEvent => ({
  position: 7,
  transactionId: '900',
  streamId: `follow-up-${FOLLOW_UP}`,
  version: 1,
  eventId: EVENT,
  type,
  schemaVersion: 1,
  data: { followUpId: FOLLOW_UP, ...data },
  metadata: { actor: 'u-1', role: 'bureau_head', correlation_id: 'corr-1' },
  recordedAt: new Date(),
  hash: '00',
});

const summary = (e: StoredEvent) =>
  jobsForEvent(e).map(({ queue, name, id, payload }) => ({ queue, name, id, payload }));

describe('jobsForEvent', () => {
  it('plans the deadlines anew after an extension', () => {
    expect(summary(stored('FollowUpDueDateExtended', { dueAt: '2026-05-01T00:00:00Z' }))).toEqual([
      {
        queue: 'timers',
        name: 'schedule-deadlines',
        id: `schedule-${EVENT}`,
        payload: { eventId: EVENT, followUpId: FOLLOW_UP, correlationId: 'corr-1' },
      },
    ]);
  });

  // Assignments are routed by the relay itself (BatchRouter), not through a job.
  it.each([
    'FollowUpAssigned',
    'FollowUpReassigned',
    'FollowUpRouted',
    'FollowUpAccepted',
    'WorkshopHeld',
  ])('makes no job of %s', (type) => {
    expect(jobsForEvent(stored(type, {}))).toEqual([]);
  });

  it('gives the same event the same job id, so a re-send is a duplicate', () => {
    const event = stored('FollowUpDueDateExtended', { dueAt: '2026-05-01T00:00:00Z' });
    expect(jobsForEvent(event)[0].id).toBe(jobsForEvent(event)[0].id);
  });
});
