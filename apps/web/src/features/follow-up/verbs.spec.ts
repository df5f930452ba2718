import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_VERBS } from '../../../../../libs/follow-up/src/domain/follow-up/follow-up.decider';
import { availableVerbs, OFFICER_VERBS } from './verbs';

/** Assignee verbs of the domain the task page does not offer yet (named officers, wave 2). */
const NOT_YET_ON_THE_PAGE = ['ClaimFollowUp', 'HandOverFollowUp'];

const officer = (agency: string) => ({ roles: ['agency_officer'], agency });

describe('the officer’s verbs', () => {
  it('are the domain’s assignee verbs, from the same states (the copy is held to the table)', () => {
    const assigneeKinds = Object.entries(FOLLOW_UP_VERBS)
      .filter(([, rule]) => rule.party === 'assignee')
      .map(([kind]) => kind)
      .filter((kind) => !NOT_YET_ON_THE_PAGE.includes(kind))
      .sort();
    expect(
      Object.values(OFFICER_VERBS)
        .map((v) => v.kind)
        .sort(),
    ).toEqual(assigneeKinds);
    for (const rule of Object.values(OFFICER_VERBS)) {
      const domain = FOLLOW_UP_VERBS[rule.kind as keyof typeof FOLLOW_UP_VERBS];
      expect([...rule.from].sort()).toEqual([...domain.from].sort());
    }
  });

  it.each([
    ['assigned', ['acknowledge', 'decline']],
    ['routed', ['acknowledge', 'decline']],
    ['reassigned', ['acknowledge', 'decline']],
    ['acknowledged', ['start', 'decline']],
    ['in_progress', ['progress', 'submit', 'decline']],
    ['rejected', ['start']],
    ['submitted', []],
    ['accepted', []],
    ['declined', []],
    ['cancelled', []],
  ] as const)('%s: %j', (status, verbs) => {
    expect(availableVerbs({ status, assigneeAgency: 'KISA' }, officer('KISA'))).toEqual(verbs);
  });

  it('offers nothing to another agency’s officer, a bureau head or an auditor', () => {
    const task = { status: 'routed', assigneeAgency: 'KISA' } as const;
    expect(availableVerbs(task, officer('FSI'))).toEqual([]);
    expect(availableVerbs(task, { roles: ['bureau_head'], agency: 'KISA' })).toEqual([]);
    expect(availableVerbs(task, { roles: ['auditor'] })).toEqual([]);
  });
});
