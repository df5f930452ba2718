import {
  ExecutionContext,
  ForbiddenException,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import jwt from 'jsonwebtoken';
import { LiaisonConfig } from '../config';
import { EdgeConfig } from '../edge';
import { CurrentUser, Public, RequestWithUser, Roles } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import { signToken, VerifiedTokenCache } from './jwt';
import { AuthenticatedUser } from './user';

const secret = 's'.repeat(40);

/** One controller per situation: metadata on the class, on the handler, or on both. */
class OpenController {
  handle() {}
}
@Roles('auditor', 'admin')
class AuditorsController {
  handle() {}
  @Roles('agency_officer')
  officersOnly() {}
  @Public()
  health() {}
}
@Public()
class PublicController {
  handle() {}
}

type Request = RequestWithUser & {
  headers: Record<string, string | undefined>;
  method: string;
  url: string;
};

function contextFor(
  controller: new () => object,
  handler: string,
  authorization?: string,
): { context: ExecutionContext; request: Request } {
  const request: Request = { headers: { authorization }, method: 'GET', url: '/v1/things' };
  const context = {
    getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

function guard(jwtMaxLifetimeS = 86_400): AuthGuard {
  return new AuthGuard(
    new Reflector(),
    { jwtSecret: secret } as LiaisonConfig,
    { jwtMaxLifetimeS } as EdgeConfig,
  );
}

const bearer = (token: string) => `Bearer ${token}`;
const officer = () => signToken({ sub: 'u-1', role: 'agency_officer', agency: 'KISA' }, secret);
const auditorToken = () => signToken({ sub: 'u-2', role: 'auditor', name: 'Lee' }, secret);

/** What the guard answers: true, or the exception it throws. */
async function attempt(ctx: ExecutionContext, g = guard()): Promise<unknown> {
  try {
    return await g.canActivate(ctx);
  } catch (error) {
    return error;
  }
}

let warn: jest.SpyInstance;
let log: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('AuthGuard: authentication', () => {
  it('given a public route, when no token is sent, then it lets the request through unlogged', async () => {
    const { context, request } = contextFor(PublicController, 'handle');
    expect(await guard().canActivate(context)).toBe(true);
    expect(request.user).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('given a public handler in a role-gated controller, then the handler wins', async () => {
    expect(await guard().canActivate(contextFor(AuditorsController, 'health').context)).toBe(true);
  });

  it.each<[string, string | undefined]>([
    ['no Authorization header', undefined],
    ['an empty header', ''],
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['a lower-case scheme', 'bearer abc'],
    ['the scheme alone', 'Bearer'],
    ['the scheme and a space', 'Bearer '],
  ])('given %s, then 401 asking for credentials, logged as a denial', async (_case, header) => {
    const error = await attempt(contextFor(OpenController, 'handle', header).context);
    expect(error).toBeInstanceOf(UnauthorizedException);
    expect((error as Error).message).toBe(
      header?.startsWith('Bearer ') && header.length > 7
        ? 'invalid token'
        : 'Sign in, or send an API key or a bearer token',
    );
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ decision: 'deny', status: 401, route: 'GET /v1/things' }),
    );
  });

  it.each<[string, () => string, string]>([
    [
      'signed with another key',
      () => signToken({ sub: 'u', role: 'auditor' }, 'k'.repeat(40)),
      'invalid token signature or format',
    ],
    [
      'expired',
      () => signToken({ sub: 'u', role: 'auditor', expiresIn: '-1s' }, secret),
      'token expired',
    ],
    [
      'with an empty sub',
      () => signToken({ sub: '', role: 'auditor' }, secret),
      'claim sub is missing',
    ],
    [
      'of a bureau head without an agency',
      () => signToken({ sub: 'u', role: 'bureau_head' }, secret),
      'claim agency is missing or malformed',
    ],
    ['not a token at all', () => 'abc.def.ghi', 'invalid token signature or format'],
  ])(
    'given a token %s, then 401 naming the reason, logged as a denial',
    async (_case, make, reason) => {
      const { context, request } = contextFor(OpenController, 'handle', bearer(make()));
      const error = await attempt(context);
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect((error as Error).message).toBe(reason);
      expect(request.user).toBeUndefined();
      expect(warn).toHaveBeenCalledWith({
        decision: 'deny',
        status: 401,
        route: 'GET /v1/things',
        reason,
        via: 'jwt',
      });
    },
  );

  it('given a verifier that fails for another cause, then 401 "invalid token", not the cause', async () => {
    jest.spyOn(VerifiedTokenCache.prototype, 'verify').mockImplementation(() => {
      throw new TypeError('secret internals');
    });
    const error = await attempt(contextFor(OpenController, 'handle', bearer(officer())).context);
    expect(error).toBeInstanceOf(UnauthorizedException);
    expect((error as Error).message).toBe('invalid token');
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ reason: 'invalid token' }));
  });

  it("given a token living longer than the edge's JWT_MAX_LIFETIME_S, then 401", async () => {
    const twoHours = signToken({ sub: 'u', role: 'auditor', expiresIn: '2h' }, secret);
    const ctx = () => contextFor(OpenController, 'handle', bearer(twoHours)).context;
    expect(await attempt(ctx(), guard(3600))).toBeInstanceOf(UnauthorizedException);
    expect(await attempt(ctx(), guard(3 * 3600))).toBe(true);
  });

  it('given a valid token, then the caller is on the request and the decision is logged', async () => {
    const { context, request } = contextFor(OpenController, 'handle', bearer(officer()));
    expect(await guard().canActivate(context)).toBe(true);
    expect(request.user).toEqual({
      id: 'u-1',
      name: undefined,
      role: 'agency_officer',
      agency: 'KISA',
      via: 'jwt',
    });
    expect(log).toHaveBeenCalledWith({
      decision: 'allow',
      route: 'GET /v1/things',
      user: 'u-1',
      role: 'agency_officer',
      agency: 'KISA',
      via: 'jwt',
    });
    expect(warn).not.toHaveBeenCalled();
  });

  it("keeps an auditor's export reason out of the access line's route", async () => {
    const { context, request } = contextFor(OpenController, 'handle', bearer(officer()));
    request.url = '/v1/audit/export?reason=%ED%99%8D%EA%B8%B8%EB%8F%99';
    await guard().canActivate(context);
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ route: 'GET /v1/audit/export?reason=[redacted]' }),
    );
  });

  it('logs every decision under the Access context, where the access log is read', async () => {
    await attempt(contextFor(OpenController, 'handle').context);
    await guard().canActivate(contextFor(OpenController, 'handle', bearer(officer())).context);
    expect((warn.mock.contexts[0] as { context?: string }).context).toBe('Access');
    expect((log.mock.contexts[0] as { context?: string }).context).toBe('Access');
  });
});

describe('AuthGuard: the role gate', () => {
  it('given a route without roles, then any authenticated role passes', async () => {
    expect(
      await guard().canActivate(contextFor(OpenController, 'handle', bearer(officer())).context),
    ).toBe(true);
  });

  it("given the controller's roles, then a listed role passes and another gets 403", async () => {
    const g = guard();
    expect(
      await g.canActivate(contextFor(AuditorsController, 'handle', bearer(auditorToken())).context),
    ).toBe(true);
    const error = await attempt(
      contextFor(AuditorsController, 'handle', bearer(officer())).context,
      g,
    );
    expect(error).toBeInstanceOf(ForbiddenException);
    expect((error as Error).message).toBe('Role agency_officer may not use GET /v1/things');
    expect(warn).toHaveBeenCalledWith({
      decision: 'deny',
      status: 403,
      route: 'GET /v1/things',
      user: 'u-1',
      role: 'agency_officer',
    });
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("given the handler's own roles, then they replace the controller's", async () => {
    const g = guard();
    expect(
      await g.canActivate(
        contextFor(AuditorsController, 'officersOnly', bearer(officer())).context,
      ),
    ).toBe(true);
    const ctx = contextFor(AuditorsController, 'officersOnly', bearer(auditorToken())).context;
    expect(await attempt(ctx, g)).toBeInstanceOf(ForbiddenException);
  });
});

describe('CurrentUser', () => {
  /** The factory Nest runs for the parameter, as the decorator registered it. */
  function currentUserFactory(): (data: unknown, ctx: ExecutionContext) => AuthenticatedUser {
    class Target {
      handle(@CurrentUser() _user: AuthenticatedUser) {}
    }
    const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, Target, 'handle') as Record<
      string,
      { factory: (data: unknown, ctx: ExecutionContext) => AuthenticatedUser }
    >;
    return Object.values(args)[0].factory;
  }

  it('given an authenticated request, then it is the caller the guard set', async () => {
    const user: AuthenticatedUser = { id: 'u-1', role: 'auditor' };
    const { context, request } = contextFor(OpenController, 'handle');
    request.user = user;
    expect(currentUserFactory()(undefined, context)).toBe(user);
  });

  it('given a route without authentication, then it refuses loudly', async () => {
    const { context } = contextFor(OpenController, 'handle');
    expect(() => currentUserFactory()(undefined, context)).toThrow(
      'CurrentUser used on a route without authentication',
    );
  });
});

describe('signToken', () => {
  it('signs HS256 with an eight-hour lifetime unless told otherwise', async () => {
    const token = signToken({ sub: 'u', role: 'admin' }, secret);
    const { header, payload } = jwt.decode(token, { complete: true }) as jwt.Jwt & {
      payload: jwt.JwtPayload;
    };
    expect(header.alg).toBe('HS256');
    expect((payload.exp as number) - (payload.iat as number)).toBe(8 * 3600);
  });
});
