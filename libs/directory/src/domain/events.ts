/**
 * The directory's events, by their stable names (DESIGN.md "People and sign-in"), with the shape
 * of their data. Change a shape only with a new schema version and an upcaster.
 *
 * Streams: `agency-<CODE>` (AgencyRegistered, AgencyUpdated) and `person-<uuid>` (the person's
 * events and the delegations they grant: a delegation lives in its delegator's stream).
 * Times are ISO-8601 strings in UTC.
 */
import { AgencyKind, PersonRole } from './decider';

export interface DisplayName {
  ko: string;
  en: string;
}

// ── Agency stream: `agency-<CODE>` ───────────────────────────────────────────────────────────
export interface AgencyRegistered {
  code: string;
  name: string;
  kind: AgencyKind;
  /** A counterpart's default liaison agency. */
  liaisonAgency?: string;
  /** Set when the event adopts a row that existed before the directory was a stream. */
  adopted?: true;
}

/** Only the fields that changed; `liaisonAgency: null` clears it. */
export interface AgencyUpdated {
  code: string;
  name?: string;
  active?: boolean;
  liaisonAgency?: string | null;
}

// ── Person stream: `person-<uuid>` ───────────────────────────────────────────────────────────
export interface PersonRegistered {
  personId: string;
  /** Lower case; unique across the directory. */
  login: string;
  displayName: DisplayName;
  email: string;
  agency: string;
  roles: PersonRole[];
  oidcSubject?: string;
}

/** Only the fields that changed; `oidcSubject: null` unlinks the IdP account. */
export interface PersonUpdated {
  personId: string;
  displayName?: DisplayName;
  email?: string;
  agency?: string;
  oidcSubject?: string | null;
}

export interface PersonRoleGranted {
  personId: string;
  role: PersonRole;
  /** The agency the role is held at (the person's agency at the time). */
  agency: string;
}

export interface PersonRoleRevoked {
  personId: string;
  role: PersonRole;
  agency: string;
}

export interface PersonDeactivated {
  personId: string;
  reason: string;
}

/**
 * Their personal data was erased (crypto-shredding, @liaison/personal-data): the data key that
 * sealed their name and e-mail in earlier events is destroyed. Carries no personal data itself.
 */
export interface PersonErased {
  personId: string;
  reason: string;
}

/**
 * The fields of PersonRegistered and PersonUpdated stored sealed: the writer seals them under the
 * person's data key before the append, and every reader of the log opens them again (or reads
 * the erased mark). Version 3 events hold them together in one box (`sealed`, format v2 of
 * @liaison/personal-data); version 2 events field by field (v1), and still open; version 1
 * events hold them in clear.
 */
export const PERSONAL_FIELD_PATHS: readonly (readonly string[])[] = [
  ['displayName', 'ko'],
  ['displayName', 'en'],
  ['email'],
  ['phone'],
];
export const SEALED_SCHEMA_VERSION = 3;

/** 대결: `toPerson` may act for `fromPerson` from `startsAt` until `endsAt` (exclusive). */
export interface DelegationGranted {
  delegationId: string;
  fromPerson: string;
  toPerson: string;
  startsAt: string;
  endsAt: string;
  reason?: string;
}

/** An explicit early end; a delegation also ends by itself at `endsAt`. */
export interface DelegationEnded {
  delegationId: string;
  fromPerson: string;
  toPerson: string;
}

interface Event<T extends string, D> {
  type: T;
  data: D;
}

export type AgencyEvent =
  Event<'AgencyRegistered', AgencyRegistered> | Event<'AgencyUpdated', AgencyUpdated>;

export type PersonEvent =
  | Event<'PersonRegistered', PersonRegistered>
  | Event<'PersonUpdated', PersonUpdated>
  | Event<'PersonRoleGranted', PersonRoleGranted>
  | Event<'PersonRoleRevoked', PersonRoleRevoked>
  | Event<'PersonDeactivated', PersonDeactivated>
  | Event<'PersonErased', PersonErased>
  | Event<'DelegationGranted', DelegationGranted>
  | Event<'DelegationEnded', DelegationEnded>;

export type DirectoryEvent = AgencyEvent | PersonEvent;

export const AGENCY_EVENT_TYPES: readonly AgencyEvent['type'][] = [
  'AgencyRegistered',
  'AgencyUpdated',
];
export const PERSON_EVENT_TYPES: readonly PersonEvent['type'][] = [
  'PersonRegistered',
  'PersonUpdated',
  'PersonRoleGranted',
  'PersonRoleRevoked',
  'PersonDeactivated',
  'PersonErased',
  'DelegationGranted',
  'DelegationEnded',
];

export const agencyStreamId = (code: string): string => `agency-${code}`;
export const personStreamId = (personId: string): string => `person-${personId}`;
export const AGENCY_STREAM_PREFIX = 'agency-';
export const PERSON_STREAM_PREFIX = 'person-';
