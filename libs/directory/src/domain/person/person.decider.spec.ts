import {
  DirectoryConflictError,
  DirectoryForbiddenError,
  DirectoryInputError,
  DirectoryNotFoundError,
  DirectoryStateError,
} from '../directory.errors';
import { PersonEvent } from '../events';
import {
  admin,
  as,
  colleague,
  COLLEAGUE_ID,
  deactivated,
  DELEGATION_ID,
  hoursFromNow,
  officer,
  PERSON_ID,
  registered,
  registration,
  system,
} from '../testing/directory.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { GrantDelegation, RegisterPerson } from './person.commands';
import { MAX_DELEGATION_DAYS, personDecider } from './person.decider';

const { given } = DeciderSpecification.for(personDecider, as(admin));

const roleGranted = (role: 'bureau_head' | 'auditor' | 'admin'): PersonEvent => ({
  type: 'PersonRoleGranted',
  data: { personId: PERSON_ID, role, agency: 'KISA' },
});

describe('RegisterPerson', () => {
  const register = (overrides: Partial<RegisterPerson> = {}): RegisterPerson => ({
    kind: 'RegisterPerson',
    ...registration(),
    ...overrides,
  });

  it('records the person with one agency and their roles', () => {
    given().when(register()).then([registered()]);
  });

  it('is for admins and the system only', () => {
    given().when(register(), as(system)).then([registered()]);
    given().when(register(), as(officer)).thenThrows(DirectoryForbiddenError);
  });

  it('refuses a second registration of the same id', () => {
    given(registered()).when(register()).thenThrows(DirectoryConflictError);
  });

  it.each([
    ['login', { login: 'Kisa.Officer' }],
    ['login', { login: 'a' }],
    ['login', { login: 'has space' }],
    ['email', { email: 'not-an-email' }],
    ['displayName.ko', { displayName: { ko: ' ', en: 'Kim' } }],
    ['roles', { roles: [] }],
    ['roles', { roles: ['agency_officer', 'agency_officer'] }],
    ['roles[0]', { roles: ['superuser'] }],
    ['personId', { personId: 'not-a-uuid' }],
  ] as [string, Partial<RegisterPerson>][])('refuses a bad %s', (field, overrides) => {
    const error = given().when(register(overrides)).thenThrows(DirectoryInputError);
    expect(error.field).toBe(field);
  });

  it.each(['OPENAI', 'OLD', 'NOWHERE'])(
    'refuses agency %s: a person belongs to one active agency (not a counterpart)',
    (agency) => {
      const error = given().when(register({ agency })).thenThrows(DirectoryInputError);
      expect(error.field).toBe('agency');
    },
  );
});

describe('GrantRole and RevokeRole', () => {
  it('grants a role the person does not hold, at their agency', () => {
    given(registered())
      .when({ kind: 'GrantRole', personId: PERSON_ID, role: 'bureau_head' })
      .then([roleGranted('bureau_head')]);
  });

  it('granting a held role is a 409 naming the state', () => {
    const error = given(registered())
      .when({ kind: 'GrantRole', personId: PERSON_ID, role: 'agency_officer' })
      .thenThrows(DirectoryStateError, 'already holds agency_officer');
    expect(error.state).toBe('held');
  });

  it('revokes a held role', () => {
    given(registered(), roleGranted('auditor'))
      .when({ kind: 'RevokeRole', personId: PERSON_ID, role: 'agency_officer' })
      .then([
        {
          type: 'PersonRoleRevoked',
          data: { personId: PERSON_ID, role: 'agency_officer', agency: 'KISA' },
        },
      ]);
  });

  it('revoking a role not held is a 409', () => {
    const error = given(registered())
      .when({ kind: 'RevokeRole', personId: PERSON_ID, role: 'auditor' })
      .thenThrows(DirectoryStateError);
    expect(error.state).toBe('not_held');
  });

  it('a person keeps at least one role: the last is not revoked (deactivate instead)', () => {
    const error = given(registered())
      .when({ kind: 'RevokeRole', personId: PERSON_ID, role: 'agency_officer' })
      .thenThrows(DirectoryStateError, 'deactivate');
    expect(error.state).toBe('last_role');
  });

  it('an admin does not revoke their own admin role', () => {
    const self = { id: PERSON_ID, role: 'admin' };
    given(registered(), roleGranted('admin'))
      .when({ kind: 'RevokeRole', personId: PERSON_ID, role: 'admin' }, as(self))
      .thenThrows(DirectoryForbiddenError);
  });

  it('only admins grant and revoke', () => {
    given(registered())
      .when({ kind: 'GrantRole', personId: PERSON_ID, role: 'admin' }, as(officer))
      .thenThrows(DirectoryForbiddenError);
  });

  it('an unknown person is a 404', () => {
    given()
      .when({ kind: 'GrantRole', personId: PERSON_ID, role: 'auditor' })
      .thenThrows(DirectoryNotFoundError);
  });
});

describe('DeactivatePerson', () => {
  it('records the deactivation with its reason', () => {
    given(registered())
      .when({ kind: 'DeactivatePerson', personId: PERSON_ID, reason: 'retired' })
      .then([{ type: 'PersonDeactivated', data: { personId: PERSON_ID, reason: 'retired' } }]);
  });

  it('a deactivated person cannot be changed, given roles or deactivated again', () => {
    for (const command of [
      { kind: 'GrantRole', personId: PERSON_ID, role: 'auditor' },
      { kind: 'DeactivatePerson', personId: PERSON_ID, reason: 'again' },
      { kind: 'UpdatePerson', personId: PERSON_ID, email: 'new@kisa.example' },
    ] as const) {
      const error = given(registered(), deactivated())
        .when(command)
        .thenThrows(DirectoryStateError);
      expect(error.state).toBe('deactivated');
    }
  });

  it('needs a reason', () => {
    const error = given(registered())
      .when({ kind: 'DeactivatePerson', personId: PERSON_ID, reason: '' })
      .thenThrows(DirectoryInputError);
    expect(error.field).toBe('reason');
  });
});

describe('UpdatePerson', () => {
  it('records only what changed', () => {
    given(registered())
      .when({
        kind: 'UpdatePerson',
        personId: PERSON_ID,
        email: 'minji@kisa.example',
        agency: 'MSIT',
        oidcSubject: 'idp|7',
      })
      .then([
        {
          type: 'PersonUpdated',
          data: { personId: PERSON_ID, agency: 'MSIT', oidcSubject: 'idp|7' },
        },
      ]);
  });

  it('nothing different: nothing recorded', () => {
    given(registered())
      .when({ kind: 'UpdatePerson', personId: PERSON_ID, email: 'minji@kisa.example' })
      .thenNothingHappens();
  });

  it('refuses a move to a counterpart', () => {
    given(registered())
      .when({ kind: 'UpdatePerson', personId: PERSON_ID, agency: 'OPENAI' })
      .thenThrows(DirectoryInputError, 'agency');
  });
});

describe('GrantDelegation', () => {
  const colleagueSnapshot = { personId: COLLEAGUE_ID, agency: 'KISA', active: true };
  const grant = (overrides: Partial<GrantDelegation> = {}): GrantDelegation => ({
    kind: 'GrantDelegation',
    delegationId: DELEGATION_ID,
    fromPerson: PERSON_ID,
    toPerson: COLLEAGUE_ID,
    delegate: colleagueSnapshot,
    startsAt: hoursFromNow(0),
    endsAt: hoursFromNow(48),
    reason: 'overseas workshop',
    ...overrides,
  });
  const granted: PersonEvent = {
    type: 'DelegationGranted',
    data: {
      delegationId: DELEGATION_ID,
      fromPerson: PERSON_ID,
      toPerson: COLLEAGUE_ID,
      startsAt: hoursFromNow(0),
      endsAt: hoursFromNow(48),
      reason: 'overseas workshop',
    },
  };

  it('a person delegates from themself to an active colleague of their agency', () => {
    given(registered()).when(grant(), as(officer)).then([granted]);
  });

  it('an admin may grant it for them; nobody else may', () => {
    given(registered()).when(grant(), as(admin)).then([granted]);
    given(registered()).when(grant(), as(colleague)).thenThrows(DirectoryForbiddenError);
  });

  it('refuses a deactivated delegator or delegate', () => {
    given(registered(), deactivated()).when(grant(), as(admin)).thenThrows(DirectoryStateError);
    const inactive = { ...colleagueSnapshot, active: false };
    given(registered())
      .when(grant({ delegate: inactive }), as(officer))
      .thenThrows(DirectoryStateError, 'deactivated');
  });

  it('refuses an unknown delegate (404), oneself, or another agency (naming toPersonId)', () => {
    given(registered())
      .when(grant({ delegate: undefined }), as(officer))
      .thenThrows(DirectoryNotFoundError);
    const self = given(registered())
      .when(grant({ toPerson: PERSON_ID }), as(officer))
      .thenThrows(DirectoryInputError);
    expect(self.field).toBe('toPersonId');
    const elsewhere = given(registered())
      .when(grant({ delegate: { ...colleagueSnapshot, agency: 'MSIT' } }), as(officer))
      .thenThrows(DirectoryInputError);
    expect(elsewhere.field).toBe('toPersonId');
  });

  it.each([
    ['endsAt', { endsAt: hoursFromNow(0) }, 'after startsAt'],
    ['endsAt', { endsAt: hoursFromNow(24 * MAX_DELEGATION_DAYS + 1) }, 'at most'],
    ['endsAt', { startsAt: hoursFromNow(-10), endsAt: hoursFromNow(-1) }, 'future'],
    ['startsAt', { startsAt: 'tomorrow' }, 'ISO-8601'],
  ] as [string, Partial<GrantDelegation>, string][])(
    'refuses a bad period (%s %#)',
    (field, overrides, message) => {
      const error = given(registered())
        .when(grant(overrides), as(officer))
        .thenThrows(DirectoryInputError, message);
      expect(error.field).toBe(field);
    },
  );

  it('allows exactly the longest period', () => {
    const endsAt = hoursFromNow(24 * MAX_DELEGATION_DAYS);
    const [event] = personDecider.decide(grant({ endsAt }), stateOf(registered()), as(officer));
    expect(event.type).toBe('DelegationGranted');
  });

  it('refuses a second delegation to the same colleague over an overlapping period', () => {
    const other = '44444444-4444-4444-8444-444444444444';
    given(registered(), granted)
      .when(grant({ delegationId: other, startsAt: hoursFromNow(47) }), as(officer))
      .thenThrows(DirectoryStateError, 'overlaps');
    // After it ends (early), a new one may cover the same time.
    given(registered(), granted, ended)
      .when(grant({ delegationId: other }), as(officer))
      .then([{ ...granted, data: { ...granted.data, delegationId: other } }]);
  });

  const ended: PersonEvent = {
    type: 'DelegationEnded',
    data: { delegationId: DELEGATION_ID, fromPerson: PERSON_ID, toPerson: COLLEAGUE_ID },
  };

  describe('EndDelegation', () => {
    const end = {
      kind: 'EndDelegation',
      fromPerson: PERSON_ID,
      delegationId: DELEGATION_ID,
    } as const;

    it('either person or an admin ends it early', () => {
      for (const actor of [officer, colleague, admin]) {
        given(registered(), granted).when(end, as(actor)).then([ended]);
      }
      const stranger = { id: 'someone-else', role: 'agency_officer', agency: 'KISA' };
      given(registered(), granted).when(end, as(stranger)).thenThrows(DirectoryForbiddenError);
    });

    it('an ended delegation, or one past its end, is a 409', () => {
      given(registered(), granted, ended).when(end).thenThrows(DirectoryStateError, 'ended');
      given(registered(), granted)
        .when(end, as(admin, new Date(hoursFromNow(49))))
        .thenThrows(DirectoryStateError, 'ended');
    });

    it('an unknown delegation is a 404', () => {
      given(registered()).when(end).thenThrows(DirectoryNotFoundError);
    });
  });
});

function stateOf(...events: PersonEvent[]) {
  return events.reduce(personDecider.evolve, personDecider.initialState);
}

describe('the never checks', () => {
  it('name a command or an event the rules do not know (a newer release’s, say)', () => {
    const unknownCommand = { kind: 'PromotePerson', personId: PERSON_ID } as never;
    expect(() => personDecider.decide(unknownCommand, stateOf(registered()), as(admin))).toThrow(
      'Unhandled case: {"kind":"PromotePerson"',
    );
    const unknownEvent = { type: 'PersonPromoted', data: {} } as never;
    expect(() => personDecider.evolve(stateOf(registered()), unknownEvent)).toThrow(
      'Unhandled case: {"type":"PersonPromoted"',
    );
  });
});
