import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import {
  AuthenticatedUser,
  AuthRequest,
  headerValue,
  RequestAuthenticator,
} from '@liaison/platform';
import { hasSessionCookie, sessionIdOf } from './session-cookie';
import { SessionService } from './session.service';

export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The session cookie, first in the chain. A cookie is sent by the browser on its own, even on a
 * request another site makes it send, so an unsafe request proves it comes from our page by
 * carrying the session's CSRF token in X-CSRF-Token (a header no other site can set): else 403.
 * A bearer request has no cookie and needs none.
 */
@Injectable()
export class SessionAuthenticator implements RequestAuthenticator {
  readonly name = 'session';

  constructor(private readonly sessions: SessionService) {}

  async authenticate(request: AuthRequest): Promise<AuthenticatedUser | undefined> {
    if (!hasSessionCookie(request)) return undefined;
    const id = sessionIdOf(request);
    const session = id === undefined ? undefined : await this.sessions.lookup(id);
    if (!session) {
      // A stale cookie beside an Authorization header: the header decides.
      if (headerValue(request, 'authorization') !== undefined) return undefined;
      throw new UnauthorizedException('The session has ended; sign in again');
    }
    if (
      UNSAFE.has(request.method) &&
      !csrfMatches(headerValue(request, CSRF_HEADER), session.csrfToken)
    ) {
      throw new ForbiddenException(
        'X-CSRF-Token is missing or does not match the session (GET /v1/me gives it)',
      );
    }
    return {
      id: session.personId,
      name: session.name,
      role: session.roles[0],
      roles: session.roles,
      agency: session.agency,
      via: 'session',
      sessionId: session.handle,
    };
  }
}

function csrfMatches(sent: string | undefined, expected: string): boolean {
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
