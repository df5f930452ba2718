import { assertNever, PersonRole } from '../decider';
import { DisplayName, PersonEvent } from '../events';

export interface DelegationRecord {
  delegationId: string;
  toPerson: string;
  startsAt: string;
  endsAt: string;
  /** Ended early by DelegationEnded (it also ends by itself at `endsAt`). */
  ended: boolean;
}

export interface RegisteredPerson {
  registered: true;
  personId: string;
  login: string;
  displayName: DisplayName;
  email: string;
  agency: string;
  roles: PersonRole[];
  active: boolean;
  oidcSubject?: string;
  /** Their personal data was erased (PersonErased): nothing new may be written of them. */
  erased?: true;
  /** The delegations this person granted, by id. */
  delegations: Readonly<Record<string, DelegationRecord>>;
}

export type PersonState = { registered: false } | RegisteredPerson;

export const initialPersonState: PersonState = { registered: false };

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  if (event.type === 'PersonRegistered') {
    const { personId, login, displayName, email, agency, roles, oidcSubject } = event.data;
    return {
      registered: true,
      personId,
      login,
      displayName,
      email,
      agency,
      roles: [...roles],
      active: true,
      ...(oidcSubject !== undefined && { oidcSubject }),
      delegations: {},
    };
  }
  if (!state.registered) return state;
  switch (event.type) {
    case 'PersonUpdated': {
      const { displayName, email, agency, oidcSubject } = event.data;
      const next: RegisteredPerson = { ...state };
      if (displayName !== undefined) next.displayName = displayName;
      if (email !== undefined) next.email = email;
      if (agency !== undefined) next.agency = agency;
      if (oidcSubject === null) delete next.oidcSubject;
      else if (oidcSubject !== undefined) next.oidcSubject = oidcSubject;
      return next;
    }
    case 'PersonRoleGranted':
      return { ...state, roles: [...state.roles, event.data.role] };
    case 'PersonRoleRevoked':
      return { ...state, roles: state.roles.filter((r) => r !== event.data.role) };
    case 'PersonDeactivated':
      return { ...state, active: false };
    case 'PersonErased':
      return { ...state, active: false, erased: true };
    case 'DelegationGranted': {
      const { delegationId, toPerson, startsAt, endsAt } = event.data;
      const record = { delegationId, toPerson, startsAt, endsAt, ended: false };
      return { ...state, delegations: { ...state.delegations, [delegationId]: record } };
    }
    case 'DelegationEnded': {
      const record = state.delegations[event.data.delegationId];
      if (!record) return state;
      const ended = { ...record, ended: true };
      return { ...state, delegations: { ...state.delegations, [record.delegationId]: ended } };
    }
    default:
      return assertNever(event);
  }
}
