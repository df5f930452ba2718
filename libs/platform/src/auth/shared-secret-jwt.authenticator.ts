import { UnauthorizedException } from '@nestjs/common';
import { AuthRequest, headerValue, RequestAuthenticator } from './authenticator';
import { TokenError, VerifiedTokenCache } from './jwt';
import { AuthenticatedUser } from './user';

/**
 * HS256 bearer tokens signed with JWT_SECRET: development and test only (the guard adds this
 * authenticator only when LiaisonConfig.hs256Enabled; production refuses to start otherwise).
 * Last in the chain: it takes any remaining `Bearer` header and refuses what it cannot verify.
 */
export class SharedSecretJwtAuthenticator implements RequestAuthenticator {
  readonly name = 'jwt';
  private readonly tokens: VerifiedTokenCache;

  constructor(
    private readonly secret: string,
    maxLifetimeS: number,
  ) {
    this.tokens = new VerifiedTokenCache(1000, maxLifetimeS);
  }

  authenticate(request: AuthRequest): AuthenticatedUser | undefined {
    const header = headerValue(request, 'authorization');
    if (header === undefined) return undefined;
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) return undefined;
    try {
      return { ...this.tokens.verify(token, this.secret), via: 'jwt' };
    } catch (err) {
      throw new UnauthorizedException(err instanceof TokenError ? err.message : 'invalid token');
    }
  }
}
