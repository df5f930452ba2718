import { StoredEvent } from '@liaison/event-store';
import { evolveFollowUp, FollowUpState, initialFollowUpState } from '@liaison/follow-up';
import { contributionCommandsFor, ContributionLinks } from './contribution-plan';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const LEAD = id(1);
const PART = id(2);

const stored = (
  streamOf: string,
  type: string,
  version: number,
  data: Record<string, unknown>,
): StoredEvent =>
  ({
    position: version,
    streamId: `follow-up-${streamOf}`,
    version,
    eventId: id(100 + version),
    type,
    schemaVersion: 1,
    data: { followUpId: streamOf, ...data },
    metadata: { actor: 'x', role: 'bureau_head', correlation_id: 'corr' },
    recordedAt: new Date(),
    hash: '',
  }) as unknown as StoredEvent;

const lead: FollowUpState = evolveFollowUp(initialFollowUpState, {
  type: 'FollowUpAssigned',
  data: {
    followUpId: LEAD,
    workshopId: id(3),
    hostAgency: 'MSIT',
    sourceId: id(4),
    sourceKind: 'action',
    assigneeAgency: 'FSC',
    title: 'Joint brief',
    dueAt: '2026-12-20T09:00:00.000Z',
    priority: 'normal',
  },
});
const links: ContributionLinks = {
  leadOf: new Map([[`follow-up-${PART}`, LEAD]]),
  contributionsOf: new Map([[`follow-up-${LEAD}`, [PART]]]),
  leads: new Map([[`follow-up-${LEAD}`, lead]]),
};
const cause = (version: number) => ({ correlationId: 'corr', causationId: id(100 + version) });

describe('the contribution process: which fact becomes which command', () => {
  it('a request opens the contribution task, with the lead as loaded', () => {
    const e = stored(LEAD, 'FollowUpContributionRequested', 2, { contributionId: PART });
    expect(contributionCommandsFor(e, links)).toEqual([
      { command: { kind: 'OpenContribution', followUpId: PART, lead }, ...cause(2) },
    ]);
  });

  it('a waiver cancels the contribution task', () => {
    const e = stored(LEAD, 'FollowUpContributionWaived', 3, {
      contributionId: PART,
      reason: 'Covered',
    });
    expect(contributionCommandsFor(e, links)).toEqual([
      {
        command: {
          kind: 'CancelContribution',
          followUpId: PART,
          reason: 'The contribution was waived: Covered',
        },
        ...cause(3),
      },
    ]);
  });

  it('a cancelled lead cancels each of its contributions', () => {
    const e = stored(LEAD, 'FollowUpCancelled', 4, { reason: 'Superseded' });
    expect(contributionCommandsFor(e, links).map((c) => c.command)).toEqual([
      {
        kind: 'CancelContribution',
        followUpId: PART,
        reason: 'The lead task was cancelled: Superseded',
      },
    ]);
  });

  it.each([
    ['FollowUpSubmitted', { response: 'Our part' }, 'submitted', { response: 'Our part' }],
    ['FollowUpAccepted', {}, 'accepted', {}],
    ['FollowUpRejected', { reason: 'Thin' }, 'returned', { reason: 'Thin' }],
    ['FollowUpCancelled', { reason: 'Moot' }, 'cancelled', { reason: 'Moot' }],
  ])('a contribution’s %s is recorded on its lead', (type, data, outcome, extra) => {
    const e = stored(PART, type, 5, data);
    expect(contributionCommandsFor(e, links)).toEqual([
      {
        command: {
          kind: 'RecordContribution',
          followUpId: LEAD,
          contributionId: PART,
          outcome,
          contributionVersion: 5,
          ...extra,
        },
        ...cause(5),
      },
    ]);
  });

  it('the same facts of an ordinary task lead to nothing', () => {
    for (const type of ['FollowUpSubmitted', 'FollowUpAccepted', 'FollowUpCancelled']) {
      expect(contributionCommandsFor(stored(id(9), type, 5, { response: 'x' }), links)).toEqual([]);
    }
    expect(contributionCommandsFor(stored(PART, 'FollowUpStarted', 4, {}), links)).toEqual([]);
  });
});
