import { AuthenticatedUser, UserRole } from './user';

/** What an authenticator reads of a request (Fastify's request has all of it). */
export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  url: string;
  /** The client's address, as Fastify sees it behind TRUST_PROXY. */
  ip?: string;
  /** 'https' when served over TLS or, behind TRUST_PROXY, when X-Forwarded-Proto says so. */
  protocol?: string;
  user?: AuthenticatedUser;
}

/**
 * One way of proving who the caller is (a session cookie, an API key, an IdP's JWT, a
 * shared-secret JWT). The guard asks each in turn, in the order of the AUTHENTICATORS list.
 *
 * - `undefined`: the request carries no credential of this kind; the next one is asked.
 * - a user: the caller, proven; no later authenticator is asked.
 * - throws (UnauthorizedException, ForbiddenException): a credential of this kind that fails.
 *   The message is the client's answer and the access log's reason: never a secret.
 */
export interface RequestAuthenticator {
  /** For the access log: 'session', 'api_key', 'idp_jwt', 'jwt'. */
  readonly name: string;
  authenticate(
    request: AuthRequest,
  ): Promise<AuthenticatedUser | undefined> | AuthenticatedUser | undefined;
}

/**
 * The authenticators ahead of the built-in HS256 check, in order. libs/platform provides none
 * (it is the bottom layer and knows no sessions or keys); libs/identity's module provides
 * [session cookie, API key, IdP JWT (when configured)]. Without the token the guard accepts
 * HS256 bearer tokens only (development and test), as the worker's and the specs' apps do.
 */
export const AUTHENTICATORS = Symbol('AUTHENTICATORS');

/** The person a caller acts for under a delegation (대결), with what they hold. */
export interface Delegator {
  id: string;
  name?: string;
  agency?: string;
  roles: readonly UserRole[];
}

/**
 * Resolves `X-On-Behalf-Of`: the delegator when an active delegation (granted, not ended,
 * from <= at < until) runs from them to the caller, else undefined.
 */
export interface DelegationResolver {
  delegatorFor(
    actor: AuthenticatedUser,
    delegatorId: string,
    at: Date,
  ): Promise<Delegator | undefined>;
}

export const DELEGATIONS = Symbol('DELEGATIONS');

/** The header naming the person a delegate acts for. */
export const ON_BEHALF_OF_HEADER = 'x-on-behalf-of';

/** A header's single value: a repeated header is no value (ambiguous credentials are refused). */
export function headerValue(request: AuthRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
