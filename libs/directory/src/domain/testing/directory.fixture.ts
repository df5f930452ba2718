import { AgencyRecord, DirectoryActor, DirectoryContext } from '../decider';
import { PersonEvent, PersonRegistered } from '../events';

export const NOW = new Date('2026-12-01T00:00:00.000Z');
export const PERSON_ID = '11111111-1111-4111-8111-111111111111';
export const COLLEAGUE_ID = '22222222-2222-4222-8222-222222222222';
export const DELEGATION_ID = '33333333-3333-4333-8333-333333333333';

export const AGENCIES: ReadonlyMap<string, AgencyRecord> = new Map(
  [
    { code: 'MSIT', name: 'Ministry of Science and ICT', kind: 'agency', active: true },
    { code: 'KISA', name: 'Korea Internet & Security Agency', kind: 'agency', active: true },
    { code: 'OLD', name: 'A closed agency', kind: 'agency', active: false },
    { code: 'OPENAI', name: 'OpenAI', kind: 'counterpart', active: true },
  ].map((a): [string, AgencyRecord] => [a.code, a as AgencyRecord]),
);

export const admin: DirectoryActor = { id: 'admin-1', role: 'admin' };
export const system: DirectoryActor = { id: 'system', role: 'system' };
export const officer: DirectoryActor = { id: PERSON_ID, role: 'agency_officer', agency: 'KISA' };
export const colleague: DirectoryActor = {
  id: COLLEAGUE_ID,
  role: 'agency_officer',
  agency: 'KISA',
};

export const as = (actor: DirectoryActor, now = NOW): DirectoryContext => ({
  actor,
  now,
  agencies: AGENCIES,
});

export const registration = (overrides: Partial<PersonRegistered> = {}): PersonRegistered => ({
  personId: PERSON_ID,
  login: 'kisa.officer',
  displayName: { ko: '김민지', en: 'Kim Minji' },
  email: 'minji@kisa.example',
  agency: 'KISA',
  roles: ['agency_officer'],
  ...overrides,
});

export const registered = (overrides: Partial<PersonRegistered> = {}): PersonEvent => ({
  type: 'PersonRegistered',
  data: registration(overrides),
});

export const deactivated = (): PersonEvent => ({
  type: 'PersonDeactivated',
  data: { personId: PERSON_ID, reason: 'left' },
});

export const hoursFromNow = (hours: number): string =>
  new Date(NOW.getTime() + hours * 3_600_000).toISOString();
