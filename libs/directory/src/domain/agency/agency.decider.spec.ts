import {
  DirectoryConflictError,
  DirectoryForbiddenError,
  DirectoryInputError,
  DirectoryNotFoundError,
  DirectoryStateError,
} from '../directory.errors';
import { AgencyEvent } from '../events';
import { admin, as, officer, system } from '../testing/directory.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { agencyDecider, RegisterAgency } from './agency.decider';

const { given } = DeciderSpecification.for(agencyDecider, as(admin));

const register = (overrides: Partial<RegisterAgency> = {}): RegisterAgency => ({
  kind: 'RegisterAgency',
  code: 'KCC',
  name: 'Korea Communications Commission',
  agencyKind: 'agency',
  ...overrides,
});
const registered: AgencyEvent = {
  type: 'AgencyRegistered',
  data: { code: 'KCC', name: 'Korea Communications Commission', kind: 'agency' },
};

describe('RegisterAgency', () => {
  it('records a new agency', () => {
    given().when(register()).then([registered]);
  });

  it('a counterpart may name an active agency as its liaison', () => {
    given()
      .when(
        register({
          code: 'GOOGLE',
          name: 'Google',
          agencyKind: 'counterpart',
          liaisonAgency: 'MSIT',
        }),
      )
      .then([
        {
          type: 'AgencyRegistered',
          data: { code: 'GOOGLE', name: 'Google', kind: 'counterpart', liaisonAgency: 'MSIT' },
        },
      ]);
  });

  it('refuses a code already in the directory (even as a bare row) with a 409', () => {
    given(registered).when(register()).thenThrows(DirectoryConflictError);
    given()
      .when(register({ code: 'KISA' }))
      .thenThrows(DirectoryConflictError);
  });

  it.each([
    ['code', { code: 'kcc' }],
    ['code', { code: 'K' }],
    ['name', { name: '' }],
    ['kind', { agencyKind: 'ministry' as 'agency' }],
    ['liaisonAgency', { liaisonAgency: 'MSIT' }],
    ['liaisonAgency', { agencyKind: 'counterpart', liaisonAgency: 'OPENAI' }],
    ['liaisonAgency', { agencyKind: 'counterpart', liaisonAgency: 'OLD' }],
  ] as [string, Partial<RegisterAgency>][])('refuses a bad %s', (field, overrides) => {
    const error = given().when(register(overrides)).thenThrows(DirectoryInputError);
    expect(error.field).toBe(field);
  });

  it('is for admins only', () => {
    given().when(register(), as(officer)).thenThrows(DirectoryForbiddenError);
  });
});

describe('UpdateAgency', () => {
  it('records what changed, and nothing when nothing did', () => {
    given(registered)
      .when({ kind: 'UpdateAgency', code: 'KCC', name: 'KCC', active: false })
      .then([{ type: 'AgencyUpdated', data: { code: 'KCC', name: 'KCC', active: false } }]);
    given(registered)
      .when({ kind: 'UpdateAgency', code: 'KCC', name: 'Korea Communications Commission' })
      .thenNothingHappens();
  });

  it('an unknown agency is a 404', () => {
    given()
      .when({ kind: 'UpdateAgency', code: 'KCC', name: 'x' })
      .thenThrows(DirectoryNotFoundError);
  });
});

describe('AdoptAgency', () => {
  const row = { code: 'FSS', name: 'Financial Supervisory Service', kind: 'agency' as const };

  it('records an existing row as registered (marked adopted); an inactive one also as updated', () => {
    given()
      .when({ kind: 'AdoptAgency', agency: { ...row, active: true } }, as(system))
      .then([{ type: 'AgencyRegistered', data: { ...row, adopted: true } }]);
    given()
      .when({ kind: 'AdoptAgency', agency: { ...row, active: false } }, as(system))
      .then([
        { type: 'AgencyRegistered', data: { ...row, adopted: true } },
        { type: 'AgencyUpdated', data: { code: 'FSS', active: false } },
      ]);
  });

  it('a stream that exists is left alone; only the system adopts', () => {
    given(registered)
      .when({ kind: 'AdoptAgency', agency: { ...row, code: 'KCC', active: true } }, as(system))
      .thenNothingHappens();
    given()
      .when({ kind: 'AdoptAgency', agency: { ...row, active: true } }, as(admin))
      .thenThrows(DirectoryForbiddenError);
  });
});

describe('agency state', () => {
  it('folds registration and updates', () => {
    const state = [
      registered,
      { type: 'AgencyUpdated', data: { code: 'KCC', active: false } } as AgencyEvent,
    ].reduce(agencyDecider.evolve, agencyDecider.initialState);
    expect(state).toEqual({
      registered: true,
      code: 'KCC',
      name: 'Korea Communications Commission',
      kind: 'agency',
      active: false,
    });
  });
});

describe('deactivating an agency', () => {
  it('needs it to have no active people (they are moved or deactivated first)', () => {
    const error = given(registered)
      .when({ kind: 'UpdateAgency', code: 'KCC', active: false, activePeople: 2 })
      .thenThrows(DirectoryStateError, '2 active people');
    expect(error.state).toBe('has_people');
    given(registered)
      .when({ kind: 'UpdateAgency', code: 'KCC', active: false, activePeople: 0 })
      .then([{ type: 'AgencyUpdated', data: { code: 'KCC', active: false } }]);
  });
});
