import {
  CounterpartCommand,
  CounterpartDecisionContext,
  CounterpartEvent,
  CounterpartForbiddenError,
  CounterpartInputError,
  CounterpartNotFoundError,
  CounterpartStateError,
  decide,
  fold,
  LinkRefusedError,
} from './index';

/** Given events / When command / Then events, one line of setup per fact. */
const NOW = new Date('2026-11-20T00:00:00.000Z');
const DUE = '2026-11-27T09:00:00.000Z';
const REQ = '0b8a3c55-3f0e-4a65-9a57-5b0c9a1d2e01';
const head = { id: 'p-msit-head', role: 'bureau_head', agency: 'MSIT' };
const ctx = (over: Partial<CounterpartDecisionContext> = {}): CounterpartDecisionContext => ({
  actor: head,
  now: NOW,
  ...over,
});
const link = (n: number, expiresAt = '2026-12-04T00:00:00.000Z') => ({
  linkId: `link-${n}`,
  expiresAt,
});

const drafted = (): CounterpartEvent => ({
  type: 'CounterpartRequestDrafted',
  data: {
    requestId: REQ,
    workshopId: 'w-1',
    infoRequestId: 'ir-1',
    counterpart: 'OPENAI',
    subject: 'Threat indicators for AI-enabled phishing',
    requestedBy: 'MSIT',
    hostAgency: 'MSIT',
    liaisonAgency: 'MSIT',
  },
});
const sent = (n = 1, dueAt = DUE): CounterpartEvent => ({
  type: 'CounterpartRequestSent',
  data: { requestId: REQ, dueAt, link: link(n) },
});
const answered = (n: number, complete: boolean): CounterpartEvent => ({
  type: 'CounterpartRequestAnswered',
  data: {
    requestId: REQ,
    answerId: `a-${n}`,
    linkId: `link-${n}`,
    text: 'Attached',
    files: [],
    complete,
  },
});
/** A reminder; it brings a link only when the request had no working link left. */
const reminded = (n: number | undefined, forDueAt = DUE): CounterpartEvent => ({
  type: 'CounterpartRequestChased',
  data: {
    requestId: REQ,
    trigger: 'due_time',
    forDueAt,
    ...(n !== undefined && { link: link(n) }),
  },
});

function given(...events: CounterpartEvent[]) {
  const state = fold(events);
  return {
    when: (command: CounterpartCommand, context = ctx()) => ({
      then: (expected: CounterpartEvent[]) =>
        expect(decide(command, state, context)).toEqual(expected),
      thenThrows: (error: new (...args: never[]) => Error, message?: string | RegExp) => {
        const run = () => decide(command, state, context);
        expect(run).toThrow(error);
        if (message) expect(run).toThrow(message);
      },
    }),
  };
}

const answer = (n: number, complete = true, over: Partial<CounterpartCommand> = {}) =>
  ({
    kind: 'Answer',
    answerId: `a-${n}`,
    link: link(n),
    text: 'Attached',
    files: [],
    complete,
    ...over,
  }) as CounterpartCommand;
const afterDue = ctx({
  now: new Date(Date.parse(DUE) + 1000),
  actor: { id: 'system', role: 'system' },
});

describe('counterpart request decider', () => {
  it('drafts a request for the host bureau head', () => {
    const d = drafted().data as Extract<
      CounterpartEvent,
      { type: 'CounterpartRequestDrafted' }
    >['data'];
    given()
      .when({ kind: 'Draft', ...d })
      .then([drafted()]);
  });

  it('refuses a draft by a bureau head of another agency, or an officer', () => {
    const d = drafted().data as Extract<
      CounterpartEvent,
      { type: 'CounterpartRequestDrafted' }
    >['data'];
    given()
      .when(
        { kind: 'Draft', ...d },
        ctx({ actor: { id: 'x', role: 'bureau_head', agency: 'FSC' } }),
      )
      .thenThrows(CounterpartForbiddenError);
    given()
      .when(
        { kind: 'Draft', ...d },
        ctx({ actor: { id: 'x', role: 'agency_officer', agency: 'MSIT' } }),
      )
      .thenThrows(CounterpartForbiddenError);
  });

  it('sends with a due time and a first link', () => {
    given(drafted())
      .when({ kind: 'Send', dueAt: DUE, link: link(1) })
      .then([sent()]);
  });

  it('refuses to send without a due time, or with one in the past, naming the field', () => {
    given(drafted())
      .when({ kind: 'Send', link: link(1) })
      .thenThrows(CounterpartInputError, 'dueAt is required');
    given(drafted())
      .when({ kind: 'Send', dueAt: '2026-11-01T00:00:00Z', link: link(1) })
      .thenThrows(CounterpartInputError, 'dueAt must be in the future');
  });

  it('is not found for a bureau head of another agency; auditors see but may not act', () => {
    given(drafted())
      .when(
        { kind: 'Send', dueAt: DUE, link: link(1) },
        ctx({ actor: { id: 'x', role: 'bureau_head', agency: 'FSC' } }),
      )
      .thenThrows(CounterpartNotFoundError);
    given(drafted())
      .when(
        { kind: 'Send', dueAt: DUE, link: link(1) },
        ctx({ actor: { id: 'a', role: 'auditor' } }),
      )
      .thenThrows(CounterpartForbiddenError);
  });

  it('acknowledges once through the link; again records nothing', () => {
    const ack: CounterpartCommand = { kind: 'Acknowledge', via: 'link', link: link(1) };
    given(drafted(), sent())
      .when(ack)
      .then([
        {
          type: 'CounterpartRequestAcknowledged',
          data: { requestId: REQ, via: 'link', linkId: 'link-1' },
        },
      ]);
    given(drafted(), sent(), {
      type: 'CounterpartRequestAcknowledged',
      data: { requestId: REQ, via: 'link', linkId: 'link-1' },
    })
      .when(ack)
      .then([]);
  });

  it('records an answer in part through the link and burns the link', () => {
    given(drafted(), sent())
      .when(answer(1, false))
      .then([answered(1, false)]);
    given(drafted(), sent(), answered(1, false))
      .when(answer(1, true, { answerId: 'a-2' } as Partial<CounterpartCommand>))
      .thenThrows(LinkRefusedError, 'used');
  });

  it('refuses an expired link, a link of another request and a link whose expiry was altered', () => {
    given(drafted(), sent())
      .when(answer(1), ctx({ now: new Date('2026-12-05T00:00:00Z') }))
      .thenThrows(LinkRefusedError, 'expired');
    given(drafted(), sent()).when(answer(9)).thenThrows(LinkRefusedError, 'invalid');
    given(drafted(), sent())
      .when(
        answer(1, true, {
          link: link(1, '2027-01-01T00:00:00.000Z'),
        } as Partial<CounterpartCommand>),
      )
      .thenThrows(LinkRefusedError, 'invalid');
  });

  it('refuses an empty answer naming the field', () => {
    given(drafted(), sent())
      .when(answer(1, true, { text: '  ' } as Partial<CounterpartCommand>))
      .thenThrows(CounterpartInputError, /^text/);
  });

  it('reminds once per due time: a second timer, an early one and one of an old due time do nothing', () => {
    const remind: CounterpartCommand = {
      kind: 'Chase',
      trigger: 'due_time',
      forDueAt: DUE,
      link: link(2),
    };
    // The link passed on still works: the reminder keeps it.
    given(drafted(), sent())
      .when(remind, afterDue)
      .then([reminded(undefined)]);
    given(drafted(), sent(), reminded(undefined))
      .when({ ...remind, link: link(3) }, afterDue)
      .then([]);
    // The link was used by an answer in part, or expired: the reminder brings a new one.
    given(drafted(), sent(), answered(1, false))
      .when(remind, afterDue)
      .then([reminded(2)]);
    given(drafted(), sent())
      .when(remind, ctx({ now: new Date('2026-12-05T00:00:00Z') }))
      .then([reminded(2)]);
    given(drafted(), sent())
      .when(remind, ctx({ now: NOW }))
      .then([]);
    given(drafted(), sent(1, '2026-12-01T00:00:00.000Z')).when(remind, afterDue).then([]);
    given(drafted(), sent(), answered(1, true)).when(remind, afterDue).then([]);
  });

  it('a bureau chase sets a new due time with a new link; the old link stops working', () => {
    const newDue = '2026-12-02T09:00:00.000Z';
    const chased: CounterpartEvent = {
      type: 'CounterpartRequestChased',
      data: { requestId: REQ, trigger: 'bureau', forDueAt: DUE, dueAt: newDue, link: link(2) },
    };
    given(drafted(), sent())
      .when({ kind: 'Chase', trigger: 'bureau', dueAt: newDue, link: link(2) })
      .then([chased]);
    given(drafted(), sent(), chased).when(answer(1)).thenThrows(LinkRefusedError, 'replaced');
    given(drafted(), sent(), chased)
      .when(answer(2))
      .then([{ ...answered(2, true) }]);
    // The new due time gets its own reminder.
    given(drafted(), sent(), reminded(undefined), chased)
      .when(
        { kind: 'Chase', trigger: 'due_time', forDueAt: newDue, link: link(4) },
        ctx({ now: new Date('2026-12-03T00:00:00Z') }),
      )
      .then([reminded(undefined, newDue)]);
  });

  it('closes; a closed request refuses links and a second close', () => {
    const closed: CounterpartEvent = {
      type: 'CounterpartRequestClosed',
      data: { requestId: REQ, outcome: 'answered' },
    };
    given(drafted(), sent(), answered(1, true))
      .when({ kind: 'Close', outcome: 'answered' })
      .then([closed]);
    given(drafted(), sent())
      .when({ kind: 'Close', outcome: 'answered' })
      .thenThrows(CounterpartInputError, 'outcome');
    given(drafted(), sent(), closed)
      .when({ kind: 'Close', outcome: 'withdrawn' })
      .thenThrows(CounterpartStateError);
    given(drafted(), sent(), closed).when(answer(1)).thenThrows(LinkRefusedError, 'closed');
  });

  it('the liaison agency that owns the relationship manages the request too', () => {
    const liaison: CounterpartEvent = {
      ...drafted(),
      data: { ...(drafted().data as object), liaisonAgency: 'MOFA' },
    } as CounterpartEvent;
    const mofa = ctx({ actor: { id: 'p-mofa-head', role: 'bureau_head', agency: 'MOFA' } });
    given(liaison)
      .when({ kind: 'Send', dueAt: DUE, link: link(1) }, mofa)
      .then([sent()]);
    given(liaison)
      .when(
        { kind: 'Send', dueAt: DUE, link: link(1) },
        ctx({ actor: { id: 'x', role: 'bureau_head', agency: 'NIS' } }),
      )
      .thenThrows(CounterpartNotFoundError);
  });
});
