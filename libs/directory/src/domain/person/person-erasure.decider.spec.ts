import {
  DirectoryForbiddenError,
  DirectoryInputError,
  DirectoryStateError,
} from '../directory.errors';
import { PersonEvent } from '../events';
import {
  admin,
  as,
  deactivated,
  officer,
  PERSON_ID,
  registered,
} from '../testing/directory.fixture';
import { DeciderSpecification } from '@liaison/platform/decider/testing';
import { personDecider } from './person.decider';

/** ErasePerson (crypto-shredding, @liaison/personal-data): the rules; the key is the writer's. */
const { given } = DeciderSpecification.for(personDecider, as(admin));
const erase = (reason = 'PIPA request') => ({
  kind: 'ErasePerson' as const,
  personId: PERSON_ID,
  reason,
});
const erased = (): PersonEvent => ({
  type: 'PersonErased',
  data: { personId: PERSON_ID, reason: 'PIPA request' },
});

describe('ErasePerson', () => {
  it('deactivates an active person and records the erasure, with no personal data in it', () => {
    given(registered())
      .when(erase())
      .then([
        { type: 'PersonDeactivated', data: { personId: PERSON_ID, reason: 'PIPA request' } },
        { type: 'PersonErased', data: { personId: PERSON_ID, reason: 'PIPA request' } },
      ]);
  });

  it('only records the erasure of a person already deactivated', () => {
    given(registered(), deactivated())
      .when(erase())
      .then([{ type: 'PersonErased', data: { personId: PERSON_ID, reason: 'PIPA request' } }]);
  });

  it('refuses twice, without a reason, and to anyone but an admin (not even on themself)', () => {
    const twice = given(registered(), deactivated(), erased())
      .when(erase())
      .thenThrows(DirectoryStateError);
    expect(twice.state).toBe('erased');
    expect(given(registered()).when(erase('')).thenThrows(DirectoryInputError).field).toBe(
      'reason',
    );
    DeciderSpecification.for(personDecider, as(officer))
      .given(registered())
      .when(erase())
      .thenThrows(DirectoryForbiddenError);
    DeciderSpecification.for(personDecider, as({ id: PERSON_ID, role: 'admin' }))
      .given(registered())
      .when(erase())
      .thenThrows(DirectoryForbiddenError);
  });

  it('an erased person can be neither changed nor given roles', () => {
    for (const command of [
      { kind: 'UpdatePerson', personId: PERSON_ID, email: 'new@kisa.example' },
      { kind: 'GrantRole', personId: PERSON_ID, role: 'auditor' },
    ] as const) {
      given(registered(), erased()).when(command).thenThrows(DirectoryStateError);
    }
  });
});
