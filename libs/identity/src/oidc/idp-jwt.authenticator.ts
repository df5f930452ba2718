import { UnauthorizedException } from '@nestjs/common';
import {
  AuthenticatedUser,
  AuthRequest,
  headerValue,
  RequestAuthenticator,
  TokenError,
} from '@liaison/platform';
import { IdpJwtVerifier } from './idp-jwt.verifier';

/**
 * The IdP's JWTs in the guard's chain (AUTHENTICATORS): a bearer token whose `iss` is the IdP
 * is verified here and refused with 401 if bad; any other bearer token (an API key, an HS256
 * development token) passes on to the next authenticator.
 */
export class IdpJwtAuthenticator implements RequestAuthenticator {
  readonly name = 'idp_jwt';

  constructor(private readonly verifier: IdpJwtVerifier) {}

  async authenticate(request: AuthRequest): Promise<AuthenticatedUser | undefined> {
    const header = headerValue(request, 'authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) return undefined;
    try {
      return await this.verifier.verify(token);
    } catch (err) {
      throw new UnauthorizedException(err instanceof TokenError ? err.message : 'invalid token');
    }
  }
}
