import { PersonRole } from '../decider';
import { DisplayName } from '../events';

export interface RegisterPerson {
  kind: 'RegisterPerson';
  personId: string;
  login: string;
  displayName: DisplayName;
  email: string;
  agency: string;
  roles: PersonRole[];
  oidcSubject?: string;
}

/** Fields left out stay as they are; `oidcSubject: null` unlinks the IdP account. */
export interface UpdatePerson {
  kind: 'UpdatePerson';
  personId: string;
  displayName?: DisplayName;
  email?: string;
  agency?: string;
  oidcSubject?: string | null;
}

export interface GrantRole {
  kind: 'GrantRole';
  personId: string;
  role: PersonRole;
}

export interface RevokeRole {
  kind: 'RevokeRole';
  personId: string;
  role: PersonRole;
}

export interface DeactivatePerson {
  kind: 'DeactivatePerson';
  personId: string;
  reason: string;
}

/** Crypto-shredding: their data key is destroyed (the writer does it in the append's transaction). */
export interface ErasePerson {
  kind: 'ErasePerson';
  personId: string;
  reason: string;
}

/** The delegate as the directory knows them when the command is decided (undefined: unknown). */
export interface DelegateSnapshot {
  personId: string;
  agency: string;
  active: boolean;
}

/** Decided on the delegator's stream (`fromPerson`); the delegate is looked up beforehand. */
export interface GrantDelegation {
  kind: 'GrantDelegation';
  delegationId: string;
  fromPerson: string;
  toPerson: string;
  delegate: DelegateSnapshot | undefined;
  startsAt: string;
  endsAt: string;
  reason?: string;
}

export interface EndDelegation {
  kind: 'EndDelegation';
  fromPerson: string;
  delegationId: string;
}

export type PersonCommand =
  | RegisterPerson
  | UpdatePerson
  | GrantRole
  | RevokeRole
  | DeactivatePerson
  | ErasePerson
  | GrantDelegation
  | EndDelegation;
