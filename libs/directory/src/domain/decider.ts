/**
 * The shape of the directory's rules, as in the follow-up domain: the command path loads a
 * stream, folds it with `evolve`, asks `decide`, appends what it returns. Nothing here does I/O.
 * (Defined here rather than imported from @liaison/follow-up: the follow-up lib reads the
 * directory, so the directory must not depend on it.)
 */
export interface Decider<C, S, E, X = DirectoryContext> {
  decide(command: C, state: S, ctx: X): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

export function foldEvents<C, S, E, X>(
  decider: Decider<C, S, E, X>,
  events: readonly E[],
  from: S = decider.initialState,
): S {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}

/** Compile-time proof that a switch handled every case. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

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
