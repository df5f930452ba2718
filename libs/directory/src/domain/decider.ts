import { Decider as DeciderOf } from '@liaison/platform/decider';

export { assertNever, foldEvents } from '@liaison/platform/decider';

/** The directory's rules decide with the directory's context. */
export type Decider<C, S, E, X = DirectoryContext> = DeciderOf<C, S, E, X>;

/** Who sends a directory command: a person (their uuid), an admin's token, or `system`. */
export interface DirectoryActor {
  id: string;
  role: string;
  agency?: string;
}

export type AgencyKind = 'agency' | 'counterpart';

/** An agency as the directory's decisions see it (a row of `agencies`). */
export interface AgencyRecord {
  code: string;
  name: string;
  kind: AgencyKind;
  active: boolean;
  liaisonAgency?: string;
}

/** Everything a decision may not look up for itself, so decisions stay pure and replayable. */
export interface DirectoryContext {
  actor: DirectoryActor;
  now: Date;
  agencies: ReadonlyMap<string, AgencyRecord>;
}

/** Roles a person may hold (the same four as the platform's `UserRole`). */
export const PERSON_ROLES = [
  'bureau_head',
  'agency_officer',
  'auditor',
  'admin',
  'records_officer',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export function isPersonRole(value: unknown): value is PersonRole {
  return typeof value === 'string' && (PERSON_ROLES as readonly string[]).includes(value);
}
