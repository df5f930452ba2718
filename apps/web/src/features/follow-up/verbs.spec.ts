import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_VERBS } from '../../../../../libs/follow-up/src/domain/follow-up/follow-up.decider';
import { availableVerbs, VERBS } from './verbs';

/** Verbs of the domain the task page does not offer yet. */
const NOT_YET_ON_THE_PAGE: string[] = [];

const officer = (agency: string, id = 'p-1') => ({ id, roles: ['agency_officer'], agency });
const head = (agency: string) => ({ id: 'h-1', roles: ['bureau_head'], agency });
const task = (status: string, extra: object = {}) =>
  ({ status, assigneeAgency: 'KISA', hostAgency: 'MSIT', ...extra }) as Parameters<
    typeof availableVerbs
  >[0];

describe('the task page’s verbs', () => {
  it('are the domain’s, for the same party and from the same states (the copy is held)', () => {
    const domainKinds = Object.keys(FOLLOW_UP_VERBS)
      .filter((kind) => !NOT_YET_ON_THE_PAGE.includes(kind))
      .sort();
    expect(
      Object.values(VERBS)
        .map((v) => v.kind)
        .sort(),
    ).toEqual(domainKinds);
    for (const rule of Object.values(VERBS)) {
      const domain = FOLLOW_UP_VERBS[rule.kind as keyof typeof FOLLOW_UP_VERBS];
      expect({ kind: rule.kind, party: rule.party, from: [...rule.from].sort() }).toEqual({
        kind: rule.kind,
        party: domain.party,
        from: [...domain.from].sort(),
      });
    }
  });

  it.each([
    ['assigned', ['claim', 'acknowledge', 'decline', 'handOver']],
    ['routed', ['claim', 'acknowledge', 'decline', 'handOver']],
    ['reassigned', ['claim', 'acknowledge', 'decline', 'handOver']],
    ['acknowledged', ['claim', 'start', 'decline', 'handOver']],
    ['in_progress', ['claim', 'progress', 'submit', 'decline', 'handOver']],
    ['rejected', ['claim', 'start', 'handOver']],
    ['submitted', ['claim', 'handOver']],
    ['accepted', []],
    ['declined', []],
    ['cancelled', []],
  ])('the assigned agency’s officer, %s: %j', (status, verbs) => {
    expect(availableVerbs(task(status), officer('KISA'))).toEqual(verbs);
  });

  it.each([
    ['routed', ['reassign', 'extend', 'cancel']],
    ['in_progress', ['reassign', 'extend', 'cancel']],
    ['submitted', ['accept', 'reject', 'extend', 'cancel']],
    ['declined', ['reassign', 'extend', 'cancel']],
    ['rejected', ['extend', 'cancel']],
    ['accepted', []],
  ])('the host’s bureau head, %s: %j', (status, verbs) => {
    expect(availableVerbs(task(status), head('MSIT'))).toEqual(verbs);
  });

  it('a claimed task: its officer works it and cannot claim it again; colleagues only see it', () => {
    const claimed = task('in_progress', { officerId: 'p-1' });
    expect(availableVerbs(claimed, officer('KISA', 'p-1'))).toEqual([
      'progress',
      'submit',
      'decline',
      'handOver',
    ]);
    expect(availableVerbs(claimed, officer('KISA', 'p-2'))).toEqual([]);
  });

  it('offers nothing to another agency’s people or to an auditor', () => {
    expect(availableVerbs(task('submitted'), officer('FSI'))).toEqual([]);
    expect(availableVerbs(task('submitted'), head('KISA'))).toEqual([]);
    expect(availableVerbs(task('submitted'), { roles: ['auditor'] })).toEqual([]);
  });
});
