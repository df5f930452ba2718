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
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

/** Verifies an HS256 token and its claims. Any other algorithm, `none` included, is refused. */
export function verifyToken(token: string, secret: string): AuthenticatedUser {
  let claims: jwt.JwtPayload | string;
  try {
    claims = jwt.verify(token, keyFor(secret), { algorithms: ['HS256'] });
  } catch (err) {
    const reason =
      err instanceof jwt.TokenExpiredError ? 'token expired' : 'invalid token signature or format';
    throw new TokenError(reason);
  }
  if (typeof claims !== 'object') throw new TokenError('token payload is not an object');
  const { sub, name, role, agency, exp } = claims;
  if (typeof sub !== 'string' || sub === '') throw new TokenError('claim sub is missing');
  if (typeof exp !== 'number') throw new TokenError('claim exp is missing');
  if (!ROLES.includes(role)) throw new TokenError(`claim role must be one of ${ROLES.join(', ')}`);
  const needsAgency = role === 'bureau_head' || role === 'agency_officer';
  if (needsAgency && (typeof agency !== 'string' || !AGENCY.test(agency))) {
    throw new TokenError('claim agency is missing or malformed');
  }
  return {
    id: sub,
    name: typeof name === 'string' ? name : undefined,
    role: role as UserRole,
    agency: typeof agency === 'string' ? agency : undefined,
  };
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
