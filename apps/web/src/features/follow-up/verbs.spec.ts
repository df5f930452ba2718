import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_VERBS } from '../../../../../libs/follow-up/src/domain/follow-up/follow-up.decider';
import { availableVerbs, OFFICER_VERBS } from './verbs';

/** Assignee verbs of the domain the task page does not offer yet (named officers, wave 2). */
const NOT_YET_ON_THE_PAGE = ['HandOverFollowUp'];

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
    ['assigned', ['claim', 'acknowledge', 'decline']],
    ['routed', ['claim', 'acknowledge', 'decline']],
    ['reassigned', ['claim', 'acknowledge', 'decline']],
    ['acknowledged', ['claim', 'start', 'decline']],
    ['in_progress', ['claim', 'progress', 'submit', 'decline']],
    ['rejected', ['claim', 'start']],
    ['submitted', ['claim']],
    ['accepted', []],
    ['declined', []],
    ['cancelled', []],
  ] as const)('%s: %j', (status, verbs) => {
    expect(availableVerbs({ status, assigneeAgency: 'KISA' }, officer('KISA'))).toEqual(verbs);
  });

  it('a claimed task: its officer works it and cannot claim it again; colleagues only see it', () => {
    const task = { status: 'in_progress', assigneeAgency: 'KISA', officerId: 'p-1' } as const;
    expect(availableVerbs(task, { id: 'p-1', ...officer('KISA') })).toEqual([
      'progress',
      'submit',
      'decline',
    ]);
    expect(availableVerbs(task, { id: 'p-2', ...officer('KISA') })).toEqual([]);
  });

  it('offers nothing to another agency’s officer, a bureau head or an auditor', () => {
    const task = { status: 'routed', assigneeAgency: 'KISA' } as const;
    expect(availableVerbs(task, officer('FSI'))).toEqual([]);
    expect(availableVerbs(task, { roles: ['bureau_head'], agency: 'KISA' })).toEqual([]);
    expect(availableVerbs(task, { roles: ['auditor'] })).toEqual([]);
  });
});
