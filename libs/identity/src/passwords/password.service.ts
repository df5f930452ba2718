import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { PeopleReader, PersonRecord } from '@liaison/directory';
import { AuthenticatedUser, AuthRequest, UserRole } from '@liaison/platform';
import { IDENTITY_CONFIG, IdentityConfig } from '../config/identity-config';
import { SIGN_IN_THROTTLE } from '../identity.tokens';
import { clientOf, SecurityEvents, securityStreams } from '../security-events/security-events';
import { SessionService } from '../sessions/session.service';
import { TooManySignInsError } from '../sessions/sign-in.service';
import { SignInThrottle } from '../throttle/sign-in-throttle';
import { CredentialStore } from './credential-store';
import { hashPassword, verifyPassword } from './password-hasher';
import { passwordProblem } from './password-policy';

const invalid = (field: string, problem: string) =>
  new BadRequestException({
    message: `${field} ${problem}`,
    details: [{ field, problems: [problem] }],
  });

/**
 * Setting, changing and resetting passwords. The hash goes to `credentials`; the log records
 * only that it happened (PasswordSet, PasswordChanged, PasswordReset), never the hash. A change
 * or a reset ends the person's other sessions: whoever knew the old password is out.
 */
@Injectable()
export class PasswordService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly people: PeopleReader,
    private readonly credentials: CredentialStore,
    private readonly sessions: SessionService,
    private readonly events: SecurityEvents,
    @Inject(SIGN_IN_THROTTLE) private readonly throttle: SignInThrottle,
  ) {}

  /** The person's own change, proven with the current password (throttled like a sign-in). */
  async change(
    caller: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    request: AuthRequest,
  ): Promise<void> {
    const person = await this.person(caller.id);
    const address = request.ip ?? 'unknown';
    const waitS = await this.throttle.waitS(person.login, address);
    if (waitS > 0) throw new TooManySignInsError(waitS);
    const stored = await this.credentials.hashOf(person.id);
    if (!stored || !(await verifyPassword(stored, currentPassword))) {
      await this.throttle.failed(person.login, address);
      throw invalid('currentPassword', 'does not match');
    }
    await this.store(person, newPassword, 'self');
    await this.sessions.endAllFor(person.id, caller.sessionId);
    await this.events.record(
      securityStreams.person(person.id),
      'PasswordChanged',
      { personId: person.id, ...clientOf(request) },
      caller,
      request,
    );
  }

  /** An admin sets a new password for someone (a forgotten one, a first one). */
  async reset(
    admin: AuthenticatedUser,
    personId: string,
    newPassword: string,
    request: AuthRequest,
  ): Promise<{ sessionsEnded: number }> {
    const person = await this.person(personId);
    await this.store(person, newPassword, admin.id);
    const sessionsEnded = await this.sessions.endAllFor(person.id);
    await this.events.record(
      securityStreams.person(person.id),
      'PasswordReset',
      { personId: person.id, by: admin.id, sessionsEnded },
      admin,
      request,
    );
    return { sessionsEnded };
  }

  /** The development seed: a first password, never over one already set. */
  async setInitial(personId: string, password: string): Promise<boolean> {
    if ((await this.credentials.hashOf(personId)) !== undefined) return false;
    const set = await this.credentials.setIfAbsent(personId, await hashPassword(password), 'seed');
    if (set) {
      await this.events.record(
        securityStreams.person(personId),
        'PasswordSet',
        { personId, by: 'development-seed' },
        { id: 'system', role: 'system' as UserRole },
      );
    }
    return set;
  }

  private async store(person: PersonRecord, password: string, setBy: string): Promise<void> {
    const problem = passwordProblem(password, this.config.passwordMinLength, person.login);
    if (problem) throw invalid('newPassword', problem);
    await this.credentials.set(person.id, await hashPassword(password), setBy);
  }

  private async person(id: string): Promise<PersonRecord> {
    const person = await this.people.byId(id);
    if (!person) throw new NotFoundException(`No person ${id}`);
    return person;
  }
}
