import jwt from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';
import { AuthenticatedUser, ROLES, UserRole } from './user';

export class TokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TokenError';
  }
}

const AGENCY = /^[A-Z][A-Z0-9_]{1,15}$/;

const keys = new Map<string, KeyObject>();

/** A key object made once: given a string, the library tries to parse it as a public key on
 * every call, which cost more than the verification itself. */
function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    // Stryker disable next-line StringLiteral: equivalent; Buffer.from reads '' as utf8
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** The longest lifetime (exp − iat) a token may claim unless configured (JWT_MAX_LIFETIME_S). */
export const DEFAULT_MAX_TOKEN_LIFETIME_S = 86_400;
/** How far ahead of this server's clock a signer's clock may be when it stamps `iat`. */
const CLOCK_SKEW_S = 60;

/**
 * Verifies an HS256 token and its claims. Any other algorithm, `none` included, is refused, and
 * so is a token issued in the future or living longer than `maxLifetimeS`: a leaked token must
 * not stay good for years because whoever minted it asked so.
 */
export function verifyToken(
  token: string,
  secret: string,
  maxLifetimeS = DEFAULT_MAX_TOKEN_LIFETIME_S,
): AuthenticatedUser {
  return verifyClaims(token, secret, Math.floor(Date.now() / 1000), maxLifetimeS).user;
}

interface VerifiedClaims {
  user: AuthenticatedUser;
  /** Seconds since the epoch, as in the token. */
  exp: number;
  nbf: unknown;
}

/** `now` in seconds since the epoch: the clock for `exp` and `nbf`. */
function verifyClaims(
  token: string,
  secret: string,
  now: number,
  maxLifetimeS: number,
): VerifiedClaims {
  let claims: jwt.JwtPayload | string;
  try {
    claims = jwt.verify(token, keyFor(secret), { algorithms: ['HS256'], clockTimestamp: now });
  } catch (err) {
    const reason =
      err instanceof jwt.TokenExpiredError ? 'token expired' : 'invalid token signature or format';
    throw new TokenError(reason);
  }
  if (typeof claims !== 'object') throw new TokenError('token payload is not an object');
  const { sub, name, role, agency, exp, iat, nbf } = claims;
  if (typeof sub !== 'string' || sub === '') throw new TokenError('claim sub is missing');
  if (typeof exp !== 'number') throw new TokenError('claim exp is missing');
  if (typeof iat !== 'number') throw new TokenError('claim iat is missing');
  if (iat > now + CLOCK_SKEW_S) throw new TokenError('claim iat is in the future');
  if (exp - iat > maxLifetimeS) {
    throw new TokenError(`token lifetime exceeds ${maxLifetimeS} seconds`);
  }
  if (!ROLES.includes(role)) throw new TokenError(`claim role must be one of ${ROLES.join(', ')}`);
  const needsAgency = role === 'bureau_head' || role === 'agency_officer';
  if (needsAgency && (typeof agency !== 'string' || !AGENCY.test(agency))) {
    throw new TokenError('claim agency is missing or malformed');
  }
  const user: AuthenticatedUser = {
    id: sub,
    name: typeof name === 'string' ? name : undefined,
    role: role as UserRole,
    agency: typeof agency === 'string' ? agency : undefined,
  };
  return { user, exp, nbf };
}

interface CachedToken {
  secret: string;
  user: Readonly<AuthenticatedUser>;
  exp: number;
}

/**
 * `verifyToken` with a bounded memory of the tokens it has accepted, keyed by the exact token
 * string: a client sends the same token on every request, and checking its HMAC and claims again
 * cost more than the rest of the access check. A remembered token is still refused from its
 * `exp` on (the same whole-second comparison as the library's), and under any other secret.
 * Refusals are never remembered, nor tokens with `nbf`; the oldest entry makes room when full.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, CachedToken>();

  constructor(
    readonly capacity = 1000,
    readonly maxLifetimeS = DEFAULT_MAX_TOKEN_LIFETIME_S,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  verify(token: string, secret: string, nowMs = Date.now()): AuthenticatedUser {
    const now = Math.floor(nowMs / 1000);
    const hit = this.entries.get(token);
    if (hit !== undefined) {
      if (hit.secret === secret && now < hit.exp) return { ...hit.user };
      this.entries.delete(token); // expired or another secret: verify again, which refuses
    }
    const { user, exp, nbf } = verifyClaims(token, secret, now, this.maxLifetimeS);
    if (
      nbf === undefined &&
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent; verifyClaims
      // has just refused exp <= now on the same clock, so this holds here (kept as the rule)
      now < exp
    ) {
      if (this.entries.size >= this.capacity) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
      this.entries.set(token, { secret, user: Object.freeze({ ...user }), exp });
    }
    return user;
  }
}

export interface TokenRequest {
  sub: string;
  role: UserRole;
  agency?: string;
  name?: string;
  /** Lifetime, e.g. '8h'. */
  expiresIn?: string;
}

export function signToken(req: TokenRequest, secret: string): string {
  const { sub, role, agency, name } = req;
  return jwt.sign({ sub, role, agency, name }, secret, {
    algorithm: 'HS256',
    expiresIn: (req.expiresIn ?? '8h') as jwt.SignOptions['expiresIn'],
  });
}
