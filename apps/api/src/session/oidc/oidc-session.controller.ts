import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Logger,
  NotFoundException,
  Query,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  clientOf,
  OIDC_FLOW_TTL_S,
  OIDC_SIGN_IN,
  OidcSignIn,
  OidcSignInError,
  safeReturnTo,
  SecurityEvents,
  securityStreams,
  SessionService,
} from '@liaison/identity';
import { Public } from '@liaison/platform';
import { clearedFlowCookie, cookieValue, FLOW_COOKIE, flowCookie } from './oidc-cookies';

const CALLBACK_PATH = '/v1/session/oidc/callback';

/**
 * Signing in through the IdP (OpenID Connect). Both routes are navigations of the browser, not
 * API calls: they answer with redirects, and a refusal goes to the web app's sign-in page with
 * an error code (`/sign-in?error=unknown_person`), never a JSON error in the address bar.
 * Without OIDC configured both answer 404.
 */
@ApiTags('session')
@Public()
@Controller('session/oidc')
export class OidcSessionController {
  private readonly logger = new Logger('OidcSignIn');

  constructor(
    @Inject(OIDC_SIGN_IN) private readonly signIn: OidcSignIn | null,
    private readonly sessions: SessionService,
    private readonly security: SecurityEvents,
  ) {}

  /** For the web app's sign-in page: whether to offer the IdP's button (404: no button). */
  @Get()
  @ApiOkResponse({ description: 'OIDC sign-in is configured; where to send the browser' })
  available(): { start: string } {
    this.enabled();
    return { start: '/v1/session/oidc/start' };
  }

  @Get('start')
  @ApiQuery({ name: 'returnTo', required: false, description: 'A path on this site' })
  @ApiFoundResponse({ description: 'To the IdP (authorization code with PKCE)' })
  async start(
    @Query('returnTo') returnTo: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const signIn = this.enabled();
    const path = safeReturnTo(typeof returnTo === 'string' ? returnTo : undefined);
    if (path === undefined || (returnTo !== undefined && typeof returnTo !== 'string')) {
      throw new BadRequestException({
        message: 'returnTo must be a path on this site, such as /inbox',
        details: [{ field: 'returnTo', problems: ['must be a path on this site'] }],
      });
    }
    const secure = this.sessions.secure(request); // the one rule for every cookie we set
    const derived = `${request.protocol}://${request.host}${CALLBACK_PATH}`;
    try {
      const { authorizationUrl, binding } = await signIn.begin(path, signIn.redirectUri(derived));
      return reply
        .header('set-cookie', flowCookie(binding, OIDC_FLOW_TTL_S, secure))
        .header('cache-control', 'no-store')
        .redirect(authorizationUrl.toString(), 302);
    } catch (err) {
      if (err instanceof OidcSignInError) return this.refuse(reply, err);
      throw err;
    }
  }

  @Get('callback')
  @ApiFoundResponse({ description: 'To returnTo, signed in; or to /sign-in?error=<code>' })
  async callback(
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const signIn = this.enabled();
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const binding = cookieValue(request.headers.cookie, FLOW_COOKIE);
    reply
      .header('set-cookie', clearedFlowCookie(this.sessions.secure(request)))
      .header('cache-control', 'no-store');
    try {
      const { person, subject, returnTo } = await signIn.complete(query, binding);
      // A new session id, the cookie, and SignedIn in the log (SessionService records it).
      await this.sessions
        .start({ id: person.id }, request, reply, { method: 'oidc' })
        .catch((err: unknown) => {
          // Deactivated between the lookup and now: the same answer as a moment later.
          if (!(err instanceof UnauthorizedException)) throw err;
          throw new OidcSignInError('inactive_person', err.message, subject, person.id);
        });
      return reply.redirect(returnTo, 302);
    } catch (err) {
      if (!(err instanceof OidcSignInError)) throw err;
      await this.recordFailure(err, request);
      return this.refuse(reply, err);
    }
  }

  private enabled(): OidcSignIn {
    if (!this.signIn) throw new NotFoundException('OpenID Connect sign-in is not configured');
    return this.signIn;
  }

  private refuse(reply: FastifyReply, err: OidcSignInError): FastifyReply {
    this.logger.warn({ decision: 'deny', code: err.code, reason: err.reason });
    return reply.redirect(`/sign-in?error=${err.code}`, 302);
  }

  /**
   * Into the log only what the IdP vouched for (a subject it signed in that we refuse): the
   * other refusals can be made by anyone with a URL, and the log cannot forget what a flood
   * would write into it. They are in the access log (warn) instead.
   */
  private async recordFailure(err: OidcSignInError, request: FastifyRequest): Promise<void> {
    const data = { method: 'oidc', reason: err.code, ...clientOf(request) };
    if (err.code === 'inactive_person' && err.personId !== undefined) {
      const stream = securityStreams.person(err.personId);
      const failed = { personId: err.personId, ...data };
      await this.security.record(stream, 'SignInFailed', failed, undefined, request);
    } else if (err.code === 'unknown_person') {
      // The subject as the IdP asserted it (not typed by anyone): what an admin needs in order
      // to register the person.
      const subject = err.subject?.slice(0, 200);
      await this.security.record(
        securityStreams.unknownName(new Date()),
        'SignInFailed',
        subject === undefined ? data : { ...data, subject },
        undefined,
        request,
      );
    }
  }
}
