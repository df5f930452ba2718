export const ROLES = ['bureau_head', 'agency_officer', 'auditor', 'admin'] as const;
export type UserRole = (typeof ROLES)[number];

/** The caller, as proven by a valid bearer token. */
export interface AuthenticatedUser {
  id: string;
  name?: string;
  role: UserRole;
  /** Agency code; always present for bureau heads and agency officers. */
  agency?: string;
}
