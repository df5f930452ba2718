import { CounterpartRequestState, INITIAL_STATE } from '@liaison/counterparts';
import { counterpartNoticesFor, personMaySeeRequest } from './counterpart-audience';

const request: CounterpartRequestState = {
  ...INITIAL_STATE,
  status: 'sent',
  requestId: 'r1',
  counterpart: 'OPENAI',
  subject: 'Threat indicators',
  hostAgency: 'MSIT',
  liaisonAgency: 'MOFA',
  dueAt: '2026-12-01T09:00:00Z',
};
const chased = (trigger: string) => ({
  type: 'CounterpartRequestChased',
  data: { trigger, forDueAt: '2026-12-01T09:00:00Z' },
  actors: ['system:counterpart-reminders'],
});

describe('who hears that a counterpart has not answered', () => {
  it('the reminder at a due time: the bureau heads of the host and the liaison agency', () => {
    expect(counterpartNoticesFor(chased('due_time'), request)).toEqual([
      { kind: 'counterpart_overdue', audience: { to: 'bureau-heads', agency: 'MSIT' } },
      { kind: 'counterpart_overdue', audience: { to: 'bureau-heads', agency: 'MOFA' } },
    ]);
    expect(
      counterpartNoticesFor(chased('due_time'), { ...request, liaisonAgency: 'MSIT' }),
    ).toHaveLength(1);
  });

  it('a bureau head’s own chase, a closed request and other facts: no one', () => {
    expect(counterpartNoticesFor(chased('bureau'), request)).toEqual([]);
    expect(counterpartNoticesFor(chased('due_time'), { ...request, status: 'closed' })).toEqual([]);
    expect(
      counterpartNoticesFor({ ...chased('due_time'), type: 'CounterpartRequestSent' }, request),
    ).toEqual([]);
  });

  it('follows canSeeRequest for any of the person’s roles', () => {
    const person = (agency: string, roles: string[], active = true) => ({
      id: 'p',
      agency,
      roles,
      active,
    });
    expect(personMaySeeRequest(person('MSIT', ['bureau_head']), request)).toBe(true);
    expect(personMaySeeRequest(person('MOFA', ['bureau_head']), request)).toBe(true);
    expect(personMaySeeRequest(person('MSIT', ['agency_officer']), request)).toBe(false);
    expect(personMaySeeRequest(person('NIS', ['bureau_head']), request)).toBe(false);
    expect(personMaySeeRequest(person('MSIT', ['bureau_head'], false), request)).toBe(false);
  });
});
