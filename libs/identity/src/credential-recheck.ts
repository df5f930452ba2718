import { Injectable } from '@nestjs/common';
import { PeopleReader } from '@liaison/directory';
import { AuthenticatedUser, UserRole } from '@liaison/platform';
import { ApiKeysService } from './api-keys/api-keys.service';
import { SessionService } from './sessions/session.service';

/**
 * Is the credential behind a user, seen once by the guard, still good now — and who are they
 * now? For what outlives the request that presented it (the queue dashboard's own session):
 * a sign-out, a deactivation, a revoked role or a revoked key ends it at its next request.
 */
@Injectable()
export class CredentialRecheck {
  constructor(
    private readonly sessions: SessionService,
    private readonly keys: ApiKeysService,
    private readonly people: PeopleReader,
  ) {}

  /** The user as they are now, or undefined once their credential or account has ended. */
  async current(user: AuthenticatedUser): Promise<AuthenticatedUser | undefined> {
    if (user.via === 'session') {
      const session = user.sessionId ? await this.sessions.byHandle(user.sessionId) : undefined;
      return session && withRoles(user, session.roles, session.agency);
    }
    if (user.via === 'api_key') {
      return (await this.keys.isLive(user.id.slice('key:'.length))) ? user : undefined;
    }
    // A bearer token: its person, if the directory has one (an IdP's token), as they are now;
    // a development token's subject is no person and ends with the token's own lifetime.
    const person = await this.people.byId(user.id);
    if (!person) return user;
    return person.active ? withRoles(user, person.roles as UserRole[], person.agency) : undefined;
  }
}

function withRoles(
  user: AuthenticatedUser,
  roles: readonly UserRole[],
  agency: string,
): AuthenticatedUser {
  return { ...user, roles, role: roles[0] ?? user.role, agency };
}
