export const ROLES = [
  'bureau_head',
  'agency_officer',
  'auditor',
  'admin',
  'records_officer',
] as const;
export type UserRole = (typeof ROLES)[number];

/** How the caller proved who they are. */
export type AuthenticatedVia = 'session' | 'api_key' | 'jwt';

/**
 * The caller, as proven by a session cookie, an API key or a bearer token.
 *
 * `role` is the one role this request acts in: the guard picks the first role the person holds
 * that the route's `@Roles(...)` allows (routes without `@Roles` get the person's first role), so
 * domain policies keep reasoning about one role.
 */
export interface AuthenticatedUser {
  /** A person's uuid (session, OIDC), `key:<keyId>` (API key), the token's sub (JWT). */
  id: string;
  name?: string;
  /** The role this request acts in. */
  role: UserRole;
  /** Every role the person holds (sessions); absent for keys and JWTs. */
  roles?: readonly UserRole[];
  /** Agency code; always present for bureau heads and agency officers. */
  agency?: string;
  via?: AuthenticatedVia;
  /** Set when authenticated by the session cookie. */
  sessionId?: string;
  /** Delegation (대결): the caller acts for this person (X-On-Behalf-Of). */
  onBehalfOf?: { id: string; name?: string };
}
