/** evolveContributions: what a lead task records of each contribution, one entry at a time. */
import { ContributionEvent, ContributionEntry, evolveContributions } from './contribution.state';

const requested = (contributionId: string, agency: string): ContributionEvent => ({
  type: 'FollowUpContributionRequested',
  data: { followUpId: 'f-1', contributionId, agency, dueAt: '2025-03-20T09:00:00.000Z' },
});

describe('evolveContributions', () => {
  it('given a request without instructions, then the entry has no instructions key', () => {
    const [entry] = evolveContributions([], requested('c-1', 'FSI'));
    expect(entry).toStrictEqual<ContributionEntry>({
      contributionId: 'c-1',
      agency: 'FSI',
      dueAt: '2025-03-20T09:00:00.000Z',
      status: 'requested',
      recordedVersion: 0,
    });
  });

  it('given two contributions, then an answer changes only the one it answers', () => {
    const asked = [requested('c-1', 'FSI'), requested('c-2', 'AISI')].reduce(
      evolveContributions,
      [] as readonly ContributionEntry[],
    );
    const after = evolveContributions(asked, {
      type: 'FollowUpContributionReceived',
      data: {
        followUpId: 'f-1',
        contributionId: 'c-2',
        agency: 'AISI',
        status: 'submitted',
        response: 'Done',
        contributionVersion: 4,
      },
    });
    expect(after.map((e) => [e.contributionId, e.status, e.recordedVersion])).toEqual([
      ['c-1', 'requested', 0],
      ['c-2', 'submitted', 4],
    ]);
  });

  it('given an event it does not know, then it refuses rather than guessing', () => {
    const unknown = { type: 'FollowUpContributionLost', data: {} } as unknown as ContributionEvent;
    expect(() => evolveContributions([], unknown)).toThrow('Unhandled case');
  });
});
