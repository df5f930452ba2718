import { InvalidJobPayloadError } from './job.errors';
import { parsePayload } from './job-payloads';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const task = {
  followUpId: id(1),
  workshopId: id(2),
  hostAgency: 'MSIT',
  assigneeAgency: 'KISA',
  sourceKind: 'action',
  sourceId: id(3),
  title: 'Set up a working-level channel',
  dueAt: '2026-03-20T09:00:00.000Z',
  priority: 'normal',
};
const deliver = { eventId: id(4), agency: 'KISA', correlationId: 'c-1', task };

describe('parsePayload', () => {
  it('returns a valid payload as it is', () => {
    expect(parsePayload('deliver-task', deliver)).toEqual(deliver);
  });

  it('keeps an optional field that is present', () => {
    const withInstructions = { ...deliver, task: { ...task, instructions: 'Use the template' } };
    expect(parsePayload('deliver-task', withInstructions)).toEqual(withInstructions);
  });

  it('carries the named officer (담당자) of a task routed with one', () => {
    const withOfficer = { ...deliver, task: { ...task, officerId: id(9) } };
    expect(parsePayload('deliver-task', withOfficer)).toEqual(withOfficer);
    expect(() =>
      parsePayload('deliver-task', { ...deliver, task: { ...task, officerId: 7 } }),
    ).toThrow('payload.task.officerId');
  });

  it.each<[string, unknown, string]>([
    ['a missing field', { ...deliver, agency: undefined }, 'payload.agency must be an agency code'],
    [
      'a nested wrong type',
      { ...deliver, task: { ...task, dueAt: 42 } },
      'payload.task.dueAt must be an ISO-8601 time with a zone (got 42)',
    ],
    [
      'an unknown field',
      { ...deliver, extra: true },
      'payload.extra is not an expected field (got true)',
    ],
    [
      'a value outside the allowed ones',
      { ...deliver, task: { ...task, priority: 'asap' } },
      'payload.task.priority must be one of low, normal, high, urgent (got "asap")',
    ],
    ['not an object', 'hello', 'payload must be an object (got "hello")'],
  ])('refuses %s, naming the field', (_what, data, message) => {
    expect(() => parsePayload('deliver-task', data)).toThrow(InvalidJobPayloadError);
    expect(() => parsePayload('deliver-task', data)).toThrow(message);
  });

  it('refuses an id that is not a uuid', () => {
    expect(() =>
      parsePayload('schedule-deadlines', {
        eventId: 'nope',
        followUpId: id(1),
        correlationId: 'c',
      }),
    ).toThrow('payload.eventId must be a lower-case uuid (got "nope")');
  });
});
