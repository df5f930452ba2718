import { describe, expect, it } from 'vitest';
import { draftOf, draftProblem, INHERIT_DRAFT, peopleAgencies, toRequest } from './classification';

describe('a classification draft', () => {
  it('sends only its level’s names', () => {
    const draft = { level: 'restricted' as const, agencies: ['NIS', 'KISA'], people: ['p1'] };
    expect(toRequest(draft)).toEqual({ level: 'restricted', agencies: ['NIS', 'KISA'] });
    expect(toRequest({ ...draft, level: 'confidential' })).toEqual({
      level: 'confidential',
      people: ['p1'],
    });
    expect(toRequest({ ...draft, level: 'public' })).toEqual({ level: 'public' });
  });

  it('sends nothing when a follow-up inherits its workshop’s', () => {
    expect(toRequest(INHERIT_DRAFT)).toBeUndefined();
  });

  it('names what a restricted or confidential draft lacks', () => {
    expect(draftProblem({ level: 'restricted', agencies: [], people: ['p'] })).toBe(
      'classification.chooseAgency',
    );
    expect(draftProblem({ level: 'confidential', agencies: ['NIS'], people: [] })).toBe(
      'classification.choosePerson',
    );
    expect(draftProblem({ level: 'public', agencies: [], people: [] })).toBeNull();
  });

  it('reads an absent classification as public', () => {
    expect(draftOf(undefined)).toEqual({ level: 'public', agencies: [], people: [] });
    expect(draftOf({ level: 'restricted', agencies: ['NIS'] })).toEqual({
      level: 'restricted',
      agencies: ['NIS'],
      people: [],
    });
  });

  it('lists each agency once', () => {
    expect(peopleAgencies(['KISA', undefined, 'KISA', 'NIS'])).toEqual(['KISA', 'NIS']);
  });
});
