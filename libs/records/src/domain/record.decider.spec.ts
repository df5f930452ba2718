import { RecordCommand, RecordContext } from './record.commands';
import { decide } from './record.decider';
import { RecordEvent } from './record.events';
import { fold, initialRecord } from './record.state';
import { defaultRetention, disposalDueOn } from './retention';

const recordId = 'follow-up-6f1c2a7e-0000-4000-8000-000000000001';
const officer: RecordContext = {
  actor: { id: 'records.officer', role: 'records_officer' },
  now: new Date('2032-02-01T00:00:00Z'),
};
const head: RecordContext = { ...officer, actor: { id: 'msit.head', role: 'bureau_head' } };
const system: RecordContext = { ...officer, actor: { id: 'system', role: 'system' } };

/** Given events, When a command, Then events (or an error). */
function given(...events: RecordEvent[]) {
  const state = fold(events, initialRecord(recordId, 'follow-up', defaultRetention('follow-up')));
  return {
    when: (command: RecordCommand, ctx: RecordContext = officer) => ({
      then: (expected: RecordEvent[]) => expect(decide(command, state, ctx)).toEqual(expected),
      thenFails: (state: string) =>
        expect(() => decide(...state_(command, ctx))).toThrow(
          expect.objectContaining({ state }) as unknown as Error,
        ),
      thenForbidden: () =>
        expect(() => decide(command, state, ctx)).toThrow(
          expect.objectContaining({ code: 'FORBIDDEN' }) as unknown as Error,
        ),
    }),
  };
  function state_(command: RecordCommand, ctx: RecordContext) {
    return [command, state, ctx] as const;
  }
}

const closed = (at = '2026-11-29T03:00:00Z'): RecordEvent => ({
  type: 'RecordClosed',
  data: {
    recordId,
    kind: 'follow-up',
    closedAt: at,
    cause: 'FollowUpAccepted',
    recordClass: 'task-handling',
    retention: 5,
    disposalDueOn: disposalDueOn(at, 5),
  },
});
const held: RecordEvent = { type: 'LegalHoldPlaced', data: { recordId, reason: 'litigation' } };
const approved: RecordEvent = {
  type: 'DisposalApproved',
  data: { recordId, disposalDueOn: '2032-01-01', approvedAt: '2032-02-01T00:00:00.000Z' },
};
const ref = { position: 7, streamId: recordId, version: 1, hash: 'ab'.repeat(32) };
const disposal: RecordCommand = {
  type: 'RecordDisposal',
  streams: [recordId],
  events: [ref],
  files: [],
};

describe('retention defaults and the clock', () => {
  it('defaults by kind: workshop 10 years, task 5, information request and contribution 3', () => {
    expect(defaultRetention('workshop')).toEqual({ recordClass: 'policy-meeting', retention: 10 });
    expect(defaultRetention('follow-up').retention).toBe(5);
    expect(defaultRetention('follow-up', { sourceKind: 'info_request' }).retention).toBe(3);
    expect(defaultRetention('follow-up', { contribution: true }).retention).toBe(3);
  });

  it('starts on January 1 after the (Korean) year of closing; none for permanent', () => {
    expect(disposalDueOn('2026-06-01T00:00:00Z', 1)).toBe('2028-01-01');
    // 23:30 UTC on Dec 31 is already January 1 in Korea.
    expect(disposalDueOn('2026-12-31T23:30:00Z', 1)).toBe('2029-01-01');
    expect(disposalDueOn('2026-06-01T00:00:00Z', 'permanent')).toBeNull();
  });
});

describe('record decider', () => {
  it('closing starts the clock, once', () => {
    given()
      .when(
        { type: 'CloseRecord', closedAt: '2026-11-29T03:00:00Z', cause: 'FollowUpAccepted' },
        system,
      )
      .then([closed()]);
    given(closed())
      .when({ type: 'CloseRecord', closedAt: '2027-01-01T00:00:00Z', cause: 'again' }, system)
      .then([]);
  });

  it('a records officer sets the retention; nobody else', () => {
    given()
      .when({ type: 'SetRetention', retention: 30, reason: 'national policy' })
      .then([
        {
          type: 'RecordRetentionSet',
          data: {
            recordId,
            recordClass: 'task-handling',
            retention: 30,
            reason: 'national policy',
            previous: { recordClass: 'task-handling', retention: 5 },
          },
        },
      ]);
    given().when({ type: 'SetRetention', retention: 30, reason: 'x' }, head).thenForbidden();
    given().when({ type: 'SetRetention', retention: 5, reason: 'same' }).then([]);
  });

  it('a changed retention moves the due date of a closed record', () => {
    const state = fold(
      [
        closed(),
        {
          type: 'RecordRetentionSet',
          data: {
            recordId,
            recordClass: 'task-handling',
            retention: 1,
            reason: 'r',
            previous: { recordClass: 'task-handling', retention: 5 },
          },
        },
      ],
      initialRecord(recordId, 'follow-up', defaultRetention('follow-up')),
    );
    expect(state.disposalDueOn).toBe('2028-01-01');
  });

  it('approves disposal of a closed record that is due', () => {
    given(closed()).when({ type: 'ApproveDisposal' }).then([approved]);
  });

  it('refuses disposal of an open, not yet due, held or permanent record', () => {
    const refused = (events: RecordEvent[], state: string, now = officer.now) =>
      expect(() =>
        decide(
          { type: 'ApproveDisposal' },
          fold(events, initialRecord(recordId, 'follow-up', defaultRetention('follow-up'))),
          { ...officer, now },
        ),
      ).toThrow(expect.objectContaining({ state }) as unknown as Error);
    refused([], 'open');
    refused([closed()], 'not_due', new Date('2031-12-31T00:00:00Z'));
    refused([closed(), held], 'legal_hold');
    refused(
      [
        closed(),
        {
          type: 'RecordRetentionSet',
          data: {
            recordId,
            recordClass: 'task-handling',
            retention: 'permanent',
            reason: 'r',
            previous: { recordClass: 'task-handling', retention: 5 },
          },
        },
      ],
      'permanent',
    );
  });

  it('a hold placed after approval stops the disposal; lifted, it needs approval again', () => {
    const state = (events: RecordEvent[]) =>
      fold(events, initialRecord(recordId, 'follow-up', defaultRetention('follow-up')));
    expect(() => decide(disposal, state([closed(), approved, held]), officer)).toThrow(
      expect.objectContaining({ state: 'legal_hold' }) as unknown as Error,
    );
    const lifted: RecordEvent = { type: 'LegalHoldLifted', data: { recordId, reason: 'settled' } };
    expect(() => decide(disposal, state([closed(), approved, held, lifted]), officer)).toThrow(
      expect.objectContaining({ state: 'not_approved' }) as unknown as Error,
    );
  });

  it('disposes of an approved record, naming the events and their hashes', () => {
    given(closed(), approved)
      .when(disposal)
      .then([
        {
          type: 'RecordDisposed',
          data: {
            recordId,
            streams: [recordId],
            events: [ref],
            files: [],
            approvedBy: 'records.officer',
          },
        },
      ]);
    given(closed(), approved).when(disposal, head).thenForbidden();
  });

  it('nothing but closing happens to a disposed record', () => {
    const disposed: RecordEvent = {
      type: 'RecordDisposed',
      data: { recordId, streams: [], events: [], files: [], approvedBy: 'x' },
    };
    given(closed(), approved, disposed)
      .when({ type: 'PlaceLegalHold', reason: 'late' })
      .thenFails('disposed');
  });
});
