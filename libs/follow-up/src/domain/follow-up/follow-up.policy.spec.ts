import { Actor } from '../context';
import { foldEvents } from '../decider';
import {
  actingForKisaOfficer,
  admin,
  aisiOfficer,
  auditor,
  kisaColleague,
  kisaOfficer,
  mofaHead,
  msitHead,
  msitOfficer,
  nisOfficer,
  system,
} from '../testing/actors.fixture';
import { AGENCY_DIRECTORY, directoryWith } from '../testing/agencies.fixture';
import { assigned, claimed, declined, reassigned } from '../testing/follow-up.fixture';
import { followUpDecider } from './follow-up.decider';
import {
  actsAs,
  canSeeFollowUp,
  isTheOfficer,
  liaisonAgencyFor,
  officerIdOf,
} from './follow-up.policy';

const kisaTask = foldEvents(followUpDecider, [assigned()]);
const movedToAisi = foldEvents(followUpDecider, [assigned(), declined(), reassigned('AISI')]);

describe('canSeeFollowUp', () => {
  it.each<[string, Actor, boolean]>([
    ["the host's bureau head", msitHead, true],
    ["the assignee's officer", kisaOfficer, true],
    ['an auditor', auditor, true],
    ["another agency's bureau head", mofaHead, false],
    ["another agency's officer", nisOfficer, false],
    ["the host's officer", msitOfficer, false],
    ['an admin', admin, false],
    ['the system', system, false],
  ])('%s: %s', (_who, actor, visible) => {
    expect(canSeeFollowUp(actor, kisaTask)).toBe(visible);
  });

  it('follows the task to its new assignee', () => {
    expect(canSeeFollowUp(kisaOfficer, movedToAisi)).toBe(false);
    expect(canSeeFollowUp(aisiOfficer, movedToAisi)).toBe(true);
  });

  it('shows an officer whose agency is unknown nothing: no absent agency matches an absent lead or contribution', () => {
    const noAgency: Actor = { id: 'u-nowhere', role: 'agency_officer' };
    expect(canSeeFollowUp(noAgency, kisaTask)).toBe(false);
  });

  it('shows nobody a follow-up that does not exist', () => {
    expect(canSeeFollowUp(auditor, followUpDecider.initialState)).toBe(false);
  });
});

describe('actsAs', () => {
  it.each<[string, Actor, 'host' | 'assignee' | 'system', boolean]>([
    ["the host's bureau head as host", msitHead, 'host', true],
    ["another agency's bureau head as host", mofaHead, 'host', false],
    ["the host's officer as host", msitOfficer, 'host', false],
    ["the assignee's officer as assignee", kisaOfficer, 'assignee', true],
    ["another agency's officer as assignee", nisOfficer, 'assignee', false],
    ['an auditor as assignee', auditor, 'assignee', false],
    ['the system as system', system, 'system', true],
    ['an admin as system', admin, 'system', false],
  ])('%s: %s', (_case, actor, party, expected) => {
    expect(actsAs(actor, party, kisaTask)).toBe(expected);
  });
});

describe('liaisonAgencyFor', () => {
  const workshop = { hostAgency: 'MSIT' };

  it("defaults to the workshop's host", () => {
    expect(liaisonAgencyFor('OPENAI', workshop, AGENCY_DIRECTORY)).toBe('MSIT');
  });

  it('falls to the host for a counterpart the directory no longer has', () => {
    expect(liaisonAgencyFor('XAI', workshop, AGENCY_DIRECTORY)).toBe('MSIT');
  });

  it('uses the liaison agency configured in the directory', () => {
    const agencies = directoryWith({
      code: 'ANTHROPIC',
      name: 'Anthropic',
      kind: 'counterpart',
      active: true,
      liaisonAgency: 'MOFA',
    });
    expect(liaisonAgencyFor('ANTHROPIC', workshop, agencies)).toBe('MOFA');
  });
});

describe('isTheOfficer and officerIdOf', () => {
  const claimedByKisaOfficer = foldEvents(followUpDecider, [assigned(), claimed('u-kisa-officer')]);

  it.each<[string, Actor, boolean]>([
    ['the officer', kisaOfficer, true],
    ['a colleague', kisaColleague, false],
    ['a colleague acting for the officer', actingForKisaOfficer, true],
    ['the officer acting for someone else', { ...kisaOfficer, onBehalfOf: { id: 'u-x' } }, false],
  ])('a claimed task: %s → %s', (_who, actor, expected) => {
    expect(isTheOfficer(actor, claimedByKisaOfficer)).toBe(expected);
  });

  it('an unclaimed task is anyone’s of its agency', () => {
    expect(isTheOfficer(kisaColleague, kisaTask)).toBe(true);
  });

  it('the officer a claim names: the actor, or under a delegation the person acted for', () => {
    expect(officerIdOf(kisaColleague)).toBe('u-kisa-colleague');
    expect(officerIdOf(actingForKisaOfficer)).toBe('u-kisa-officer');
  });
});
