/** The people (and the system) that specs act as, and a context for each at a fixed time. */
import { Actor, AgencyInfo, DecisionContext, PersonInfo } from '../context';
import { AGENCY_DIRECTORY } from './agencies.fixture';

export const NOW = new Date('2025-03-10T00:00:00.000Z');

export const msitHead: Actor = { id: 'u-msit-head', role: 'bureau_head', agency: 'MSIT' };
export const mofaHead: Actor = { id: 'u-mofa-head', role: 'bureau_head', agency: 'MOFA' };
export const msitOfficer: Actor = { id: 'u-msit-officer', role: 'agency_officer', agency: 'MSIT' };
export const kisaOfficer: Actor = { id: 'u-kisa-officer', role: 'agency_officer', agency: 'KISA' };
export const aisiOfficer: Actor = { id: 'u-aisi-officer', role: 'agency_officer', agency: 'AISI' };
export const nisOfficer: Actor = { id: 'u-nis-officer', role: 'agency_officer', agency: 'NIS' };
export const auditor: Actor = { id: 'u-auditor', role: 'auditor' };
export const admin: Actor = { id: 'u-admin', role: 'admin' };
export const system: Actor = { id: 'system', role: 'system' };
/** A second KISA officer, and an acting officer (대결) working for the first one. */
export const kisaColleague: Actor = {
  id: 'u-kisa-colleague',
  role: 'agency_officer',
  agency: 'KISA',
};
export const actingForKisaOfficer: Actor = {
  ...kisaColleague,
  onBehalfOf: { id: kisaOfficer.id },
};

const person = (actor: Actor, changes: Partial<PersonInfo> = {}): PersonInfo => ({
  id: actor.id,
  agency: actor.agency,
  roles: [actor.role],
  active: true,
  ...changes,
});

/** The people of the directory that specs name as officers. */
export const PEOPLE: ReadonlyMap<string, PersonInfo> = new Map(
  [
    person(kisaOfficer),
    person(kisaColleague),
    person(aisiOfficer),
    person(nisOfficer),
    person(msitHead),
    person({ id: 'u-kisa-gone', role: 'agency_officer', agency: 'KISA' }, { active: false }),
  ].map((p) => [p.id, p]),
);

export function as(
  actor: Actor,
  {
    now = NOW,
    agencies = AGENCY_DIRECTORY,
    people = PEOPLE,
  }: {
    now?: Date;
    agencies?: ReadonlyMap<string, AgencyInfo>;
    people?: ReadonlyMap<string, PersonInfo>;
  } = {},
): DecisionContext {
  return { actor, now, agencies, people };
}
