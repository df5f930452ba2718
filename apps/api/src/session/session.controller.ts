import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { PeopleReader, PersonRecord } from '@liaison/directory';
import {
  PasswordService,
  SessionService,
  SignInService,
  TooManySignInsError,
} from '@liaison/identity';
import { AuthenticatedUser, CurrentUser, Public, Roles } from '@liaison/platform';
import { ChangePasswordRequest, ResetPasswordRequest, SignInRequest } from './session.request.dto';
import { MeAnswerDto, SessionsEndedDto, SignInAnswerDto } from './session.response.dto';

/** What the API says about a person: never their credentials. */
function personView(p: PersonRecord) {
  return {
    id: p.id,
    login: p.login,
    displayName: p.displayName,
    email: p.email,
    agency: p.agency,
    roles: p.roles,
  };
}

/** Sign-in with a built-in account, who am I, sign-out, and passwords. */
@ApiTags('session')
@ApiCookieAuth('liaison_session')
@Controller()
export class SessionController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionService,
    private readonly passwords: PasswordService,
    private readonly people: PeopleReader,
  ) {}

  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in: sets the liaison_session cookie; 401 with one message for any refusal',
  })
  @ApiOkResponse({ type: SignInAnswerDto })
  async signIn(
    @Body() body: SignInRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { person, csrfToken } = await this.signIns.signIn(
      body.username,
      body.password,
      request,
      reply,
    );
    return { person: personView(person), csrfToken };
  }

  @Get('me')
  @ApiOperation({ summary: 'The signed-in person, active delegations and the CSRF token' })
  @ApiOkResponse({ type: MeAnswerDto })
  async me(@CurrentUser() user: AuthenticatedUser) {
    const person = user.via === 'session' ? await this.people.byId(user.id) : undefined;
    const actor = user.onBehalfOf ? await this.people.byId(user.id) : person;
    return {
      person: person ? personView(person) : null,
      caller: {
        id: user.id,
        role: user.role,
        roles: user.roles ?? [user.role],
        agency: user.agency ?? null,
        via: user.via ?? null,
        ...(user.onBehalfOf && { onBehalfOf: user.onBehalfOf }),
      },
      delegations: actor ? await this.people.delegationsOf(actor.id) : [],
      csrfToken: user.sessionId
        ? ((await this.sessions.csrfTokenOf(user.sessionId)) ?? null)
        : null,
    };
  }

  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session ends server-side at once' })
  async signOut(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (user.sessionId === undefined) return; // a bearer caller has no session to end
    await this.sessions.signOut(
      { handle: user.sessionId, personId: user.id, role: user.role, agency: user.agency },
      request,
      reply,
    );
  }

  @Put('me/password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change one’s own password (the current one proves it); other sessions end',
  })
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    try {
      await this.passwords.change(
        user.onBehalfOf ? { ...user, onBehalfOf: undefined } : user,
        body.currentPassword,
        body.newPassword,
        request,
      );
    } catch (err) {
      // guessing the current password is throttled like sign-in, and says when to retry alike
      if (err instanceof TooManySignInsError) reply.header('retry-after', String(err.retryAfterS));
      throw err;
    }
  }

  @Roles('admin')
  @Put('people/:id/password')
  @ApiOperation({ summary: 'Admin: set a person’s password; their sessions end' })
  @ApiOkResponse({ type: SessionsEndedDto })
  reset(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ResetPasswordRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.passwords.reset(admin, id, body.newPassword, request);
  }

  @Roles('admin')
  @Delete('people/:id/sessions')
  @ApiOperation({ summary: 'Admin: end every session of a person at once' })
  @ApiOkResponse({ type: SessionsEndedDto })
  async endSessions(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: FastifyRequest,
  ) {
    return this.sessions.endAllByAdmin(id, admin, request);
  }
}
