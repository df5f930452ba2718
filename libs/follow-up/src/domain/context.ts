/** Who is deciding, when, and against which agency directory: everything a decider may not
 * look up for itself, so that decisions stay pure and replayable. */

export type Role =
  'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer' | 'system';

export interface Actor {
  id: string;
  name?: string;
  role: Role;
  agency?: string;
  /** Delegation (대결): the actor acts for this person, with that person's agency and role
   * (the guard checked the delegation). The events record both. */
  onBehalfOf?: { id: string; name?: string };
}

/** A person the command names (an officer to assign or hand over to), as the directory had
 * them when the handler looked them up. */
export interface PersonInfo {
  id: string;
  agency?: string;
  roles: readonly Role[];
  active: boolean;
  name?: string;
}

export interface AgencyInfo {
  code: string;
  name: string;
  kind: 'agency' | 'counterpart';
  active: boolean;
  /** For a counterpart: the agency that owns the relationship (default: the workshop host). */
  liaisonAgency?: string;
}

export interface DecisionContext {
  actor: Actor;
  now: Date;
  agencies: ReadonlyMap<string, AgencyInfo>;
  /** The people the command names, by id, looked up by the handler; anyone absent is unknown.
   * Absent altogether for commands that name nobody. */
  people?: ReadonlyMap<string, PersonInfo>;
}
