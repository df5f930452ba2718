import { FollowUpState, initialFollowUpState } from '@liaison/follow-up';
import { noticesFor } from './audience';
import { personMaySee } from './visibility';

const task: FollowUpState = {
  ...initialFollowUpState,
  exists: true,
  followUpId: 'f1',
  hostAgency: 'MSIT',
  assigneeAgency: 'KISA',
  officerId: 'kim',
  title: 'Set up a channel',
  dueAt: '2026-12-01T09:00:00Z',
  status: 'in_progress',
};
const event = (type: string, data: Record<string, unknown> = {}) => ({ type, data, actors: ['x'] });

describe('who each event tells', () => {
  it.each([
    ['FollowUpAssigned', 'assignment'],
    ['FollowUpReassigned', 'assignment'],
    ['FollowUpReminderSent', 'reminder'],
    ['FollowUpOverdue', 'overdue'],
    ['FollowUpRejected', 'rejection'],
  ])('%s: the named officer, else the assignee agency’s officers (%s)', (type, kind) => {
    expect(noticesFor(event(type), task)).toEqual([
      { kind, audience: { to: 'officer-or-agency', agency: 'KISA', officerId: 'kim' } },
    ]);
  });

  it('an escalation tells the bureau heads of the agency it names', () => {
    expect(noticesFor(event('FollowUpEscalated', { toAgency: 'MSIT' }), task)).toEqual([
      { kind: 'escalation', audience: { to: 'bureau-heads', agency: 'MSIT' } },
    ]);
  });

  it('a claim or hand-over tells the new officer', () => {
    expect(noticesFor(event('FollowUpHandedOver', { officerId: 'lee' }), task)).toEqual([
      { kind: 'assignment', audience: { to: 'people', ids: ['lee'] } },
    ]);
  });

  it('a comment tells the other side, and its mentions first', () => {
    expect(
      noticesFor(event('FollowUpCommented', { side: 'assignee', mentions: ['park'] }), task),
    ).toEqual([
      { kind: 'mention', audience: { to: 'people', ids: ['park'] } },
      { kind: 'comment', audience: { to: 'bureau-heads', agency: 'MSIT' } },
    ]);
    expect(noticesFor(event('FollowUpCommented', { side: 'bureau', mentions: [] }), task)).toEqual([
      { kind: 'comment', audience: { to: 'officer-or-agency', agency: 'KISA', officerId: 'kim' } },
    ]);
  });

  it('other facts tell no one', () => {
    for (const type of [
      'FollowUpRouted',
      'FollowUpDelivered',
      'FollowUpAccepted',
      'FollowUpStarted',
    ]) {
      expect(noticesFor(event(type), task)).toEqual([]);
    }
  });
});

describe('the read policy, for a person', () => {
  const person = (agency: string, roles: string[], active = true) => ({
    id: 'p',
    agency,
    roles,
    active,
  });

  it('follows canSeeFollowUp for any of the person’s roles', () => {
    expect(personMaySee(person('KISA', ['agency_officer']), task)).toBe(true);
    expect(personMaySee(person('MSIT', ['bureau_head']), task)).toBe(true);
    expect(personMaySee(person('NIS', ['agency_officer']), task)).toBe(false);
    expect(personMaySee(person('KISA', ['bureau_head']), task)).toBe(false);
    expect(personMaySee(person('MSIT', ['agency_officer', 'bureau_head']), task)).toBe(true);
    expect(personMaySee(person('ANY', ['auditor']), task)).toBe(true);
    expect(personMaySee(person('MSIT', ['admin']), task)).toBe(false);
  });

  it('tells no one who has left', () => {
    expect(personMaySee(person('KISA', ['agency_officer'], false), task)).toBe(false);
  });
});
