import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  OnModuleInit,
  UnauthorizedException,
} from '@nestjs/common';
import { PeopleReader, PersonRecord } from '@liaison/directory';
import { AuthRequest } from '@liaison/platform';
import { CredentialStore } from '../passwords/credential-store';
import { dummyHash, verifyPassword } from '../passwords/password-hasher';
import { clientOf, SecurityEvents, securityStreams } from '../security-events/security-events';
import { SIGN_IN_THROTTLE } from '../identity.tokens';
import { SignInThrottle } from '../throttle/sign-in-throttle';
import { CookieReply, SessionService } from './session.service';

/** The one answer for an unknown name, a wrong password and an account that may not sign in. */
export const SIGN_IN_REFUSED = 'Unknown user name or wrong password';

export class TooManySignInsError extends HttpException {
  constructor(readonly retryAfterS: number) {
    super(
      { message: `Too many failed sign-ins; retry after ${retryAfterS} s` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Password sign-in. Every attempt that gets past the throttle costs one Argon2id verification,
 * against the person's hash or, for an unknown name, inactive person or one without a password,
 * a dummy hash at the same parameters: the same answer in the same time either way.
 */
@Injectable()
export class SignInService implements OnModuleInit {
  constructor(
    private readonly people: PeopleReader,
    private readonly credentials: CredentialStore,
    private readonly sessions: SessionService,
    private readonly events: SecurityEvents,
    @Inject(SIGN_IN_THROTTLE) private readonly throttle: SignInThrottle,
  ) {}

  /** The dummy hash is made at boot, so the first unknown name costs no more than the next. */
  async onModuleInit(): Promise<void> {
    await dummyHash();
  }

  async signIn(
    username: string,
    password: string,
    request: AuthRequest,
    reply: CookieReply,
  ): Promise<{ person: PersonRecord; csrfToken: string }> {
    const login = username.trim().toLowerCase();
    const address = request.ip ?? 'unknown';
    const waitS = await this.throttle.begin(login, address);
    if (waitS > 0) {
      reply.header('retry-after', String(waitS));
      throw new TooManySignInsError(waitS);
    }
    try {
      return await this.check(login, password, address, request, reply);
    } finally {
      await this.throttle.release(login, address);
    }
  }

  /** The attempt `signIn` took: the password checked, the outcome counted and recorded. */
  private async check(
    login: string,
    password: string,
    address: string,
    request: AuthRequest,
    reply: CookieReply,
  ): Promise<{ person: PersonRecord; csrfToken: string }> {
    const person = await this.people.byLogin(login);
    const stored = person ? await this.credentials.hashOf(person.id) : undefined;
    const matches = await verifyPassword(stored ?? (await dummyHash()), password);
    if (!person || !stored || !matches || !person.active) {
      await this.throttle.failed(login, address);
      await this.recordFailure(
        person,
        !stored ? 'no_password' : !matches ? 'wrong_password' : 'inactive',
        request,
      );
      throw new UnauthorizedException(SIGN_IN_REFUSED);
    }
    await this.throttle.succeeded(login);
    const { csrfToken } = await this.sessions.start(person, request, reply, { method: 'password' });
    return { person, csrfToken };
  }

  private async recordFailure(
    person: PersonRecord | undefined,
    reason: string,
    request: AuthRequest,
  ): Promise<void> {
    const client = clientOf(request);
    if (!person) {
      await this.events.record(
        securityStreams.unknownName(new Date()),
        'SignInFailed',
        { reason: 'unknown_name', ...client },
        undefined,
        request,
      );
      return;
    }
    await this.events.record(
      securityStreams.person(person.id),
      'SignInFailed',
      { personId: person.id, reason, ...client },
      undefined,
      request,
    );
  }
}
