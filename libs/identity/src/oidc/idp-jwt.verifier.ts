import * as jose from 'jose';
import { AuthenticatedUser, ROLES, TokenError, UserRole } from '@liaison/platform';
import { OidcConfig, OidcMachineConfig } from './oidc.config';

/** Asymmetric only: with the IdP's public keys in hand, an HS256 token "signed" with one of
 * them would otherwise verify (the classic key-confusion attack), and `none` is no signature. */
export const IDP_JWT_ALGORITHMS = ['RS256', 'ES256'] as const;

/** The same shape as the agency codes of the HS256 path (libs/platform/src/auth/jwt.ts). */
const AGENCY = /^[A-Z][A-Z0-9_]{1,15}$/;

export interface IdpJwtVerifierOptions {
  /** The longest lifetime (exp − iat) a token may claim; the edge's JWT_MAX_LIFETIME_S. */
  maxLifetimeS?: number;
  /** How long an unknown `kid` waits before the JWKS is fetched again (jose's cooldown). */
  jwksCooldownMs?: number;
  /** How long fetched keys are trusted without asking the IdP again. */
  jwksMaxAgeMs?: number;
  clockToleranceS?: number;
}

/**
 * Verifies JWTs the IdP issued to machines, against the IdP's published keys (its JWKS, found
 * through discovery and fetched at first use). Keys are cached; a token signed with a key the
 * cache does not know makes jose fetch the JWKS again (at most once per cooldown), so a key the
 * IdP rotates in is picked up without a restart.
 *
 * Who the caller is comes from the token itself: `sub` is the id, and the role and agency are
 * the claims named by OIDC_ROLE_CLAIM and OIDC_AGENCY_CLAIM (default `role`, `agency`), checked
 * as the HS256 path checks them. Machines are not people of the directory; the IdP that issues
 * their tokens is trusted to say what they may do, for the token's (short) life.
 */
export class IdpJwtVerifier {
  private jwks?: Promise<ReturnType<typeof jose.createRemoteJWKSet>>;
  private readonly machine: OidcMachineConfig;
  private readonly maxLifetimeS: number;

  constructor(
    private readonly config: OidcConfig,
    private readonly options: IdpJwtVerifierOptions = {},
  ) {
    if (!config.machine) throw new Error('IdpJwtVerifier needs OIDC_API_AUDIENCE');
    this.machine = config.machine;
    this.maxLifetimeS = options.maxLifetimeS ?? 86_400;
  }

  /**
   * The caller, or undefined when the token is not one of the IdP's (not a JWT, or another
   * issuer: the next authenticator may know it). Throws TokenError when the token claims the
   * IdP as its issuer but fails any check.
   */
  async verify(token: string): Promise<AuthenticatedUser | undefined> {
    let claimedIssuer: unknown;
    try {
      claimedIssuer = jose.decodeJwt(token).iss;
    } catch {
      return undefined;
    }
    if (claimedIssuer !== this.config.issuer) return undefined;

    let payload: jose.JWTPayload;
    try {
      const { payload: verified } = await jose.jwtVerify(token, await this.keys(), {
        issuer: this.config.issuer,
        audience: this.machine.audience,
        algorithms: [...IDP_JWT_ALGORITHMS],
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: this.options.clockToleranceS ?? 60,
      });
      payload = verified;
    } catch (err) {
      throw new TokenError(reasonFor(err));
    }
    return this.userOf(payload);
  }

  private userOf(payload: jose.JWTPayload): AuthenticatedUser {
    const { sub, exp, iat } = payload as { sub: string; exp: number; iat: number };
    if (sub === '') throw new TokenError('claim sub is missing');
    if (exp - iat > this.maxLifetimeS) {
      throw new TokenError(`token lifetime exceeds ${this.maxLifetimeS} seconds`);
    }
    const { roleClaim, agencyClaim } = this.machine;
    const claimed = claimAt(payload, roleClaim);
    const listed = (Array.isArray(claimed) ? claimed : [claimed]).filter((r): r is UserRole =>
      ROLES.includes(r as UserRole),
    );
    if (listed.length === 0) {
      throw new TokenError(`claim ${roleClaim} must be one of ${ROLES.join(', ')}`);
    }
    const agency = claimAt(payload, agencyClaim);
    const needsAgency = listed.some((r) => r === 'bureau_head' || r === 'agency_officer');
    if (agency !== undefined && (typeof agency !== 'string' || !AGENCY.test(agency))) {
      throw new TokenError(`claim ${agencyClaim} is malformed`);
    }
    if (needsAgency && agency === undefined) {
      throw new TokenError(`claim ${agencyClaim} is missing`);
    }
    const name = payload.name ?? payload.client_id;
    return {
      // A machine is no person: its id never equals a person's (the IdP's subjects are often
      // UUIDs), so rules comparing actor ids with people's (the named officer, a delegation, a
      // confidential item's people, one's notifications) never take it for one.
      id: `idp:${sub}`,
      name: typeof name === 'string' ? name : undefined,
      role: listed[0],
      ...(Array.isArray(claimed) ? { roles: listed } : {}),
      agency: agency as string | undefined,
      via: 'jwt',
    };
  }

  /** The remote key set, made once from the discovery document's jwks_uri. */
  private keys(): Promise<ReturnType<typeof jose.createRemoteJWKSet>> {
    if (!this.jwks) {
      this.jwks = this.discoverJwksUri().then(
        (uri) =>
          jose.createRemoteJWKSet(uri, {
            cooldownDuration: this.options.jwksCooldownMs ?? 30_000,
            cacheMaxAge: this.options.jwksMaxAgeMs ?? 600_000,
            timeoutDuration: 5000,
          }),
        (err: unknown) => {
          this.jwks = undefined; // the IdP may be back for the next request
          throw err;
        },
      );
    }
    return this.jwks;
  }

  private async discoverJwksUri(): Promise<URL> {
    const issuer = this.config.issuer;
    const where = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(where, { signal: AbortSignal.timeout(5000) }).catch(
      (err: unknown) => {
        throw new IdpUnavailable(`discovery: ${(err as Error).message}`);
      },
    );
    if (!response.ok) throw new IdpUnavailable(`discovery answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    // The document must be the issuer's own, or its keys could be anyone's.
    if (document.issuer !== issuer) throw new IdpUnavailable('discovery names another issuer');
    if (typeof document.jwks_uri !== 'string')
      throw new IdpUnavailable('discovery has no jwks_uri');
    const uri = new URL(document.jwks_uri);
    if (uri.protocol !== 'https:' && !(this.config.allowInsecure && uri.protocol === 'http:')) {
      throw new IdpUnavailable('jwks_uri must use https:');
    }
    return uri;
  }
}

class IdpUnavailable extends Error {
  override readonly name = 'IdpUnavailable';
}

/** A claim by its exact name, else by a dotted path into nested objects (`realm_access.roles`). */
function claimAt(payload: jose.JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  let value: unknown = payload;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** What the 401 says: the kind of failure, never the library's internals. */
function reasonFor(err: unknown): string {
  if (err instanceof IdpUnavailable) return 'IdP keys unavailable';
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'token expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `claim ${String((err as { claim?: unknown }).claim)} is invalid`;
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'token algorithm not allowed';
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'no IdP key matches the token';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return 'IdP keys unavailable';
    default:
      return 'invalid token signature or format';
  }
}
