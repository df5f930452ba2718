/** Who is deciding, when, and against which agency directory: everything a decider may not
 * look up for itself, so that decisions stay pure and replayable. */

export type Role = 'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'system';

export interface Actor {
  id: string;
  name?: string;
  role: Role;
  agency?: string;
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
}
