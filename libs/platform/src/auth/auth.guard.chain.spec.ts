/** The guard's chain of authenticators, the role it picks per route, and X-On-Behalf-Of. */
import {
  ExecutionContext,
  ForbiddenException,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LiaisonConfig } from '../config';
import { EdgeConfig } from '../edge';
import { Roles } from './auth.decorators';
import { AuthGuard, roleFor } from './auth.guard';
import { AuthRequest, DelegationResolver, Delegator, RequestAuthenticator } from './authenticator';
import { signToken } from './jwt';
import { AuthenticatedUser } from './user';

const secret = 's'.repeat(40);

class OpenController {
  handle() {}
}
@Roles('agency_officer', 'admin')
class OfficersController {
  handle() {}
}
@Roles('auditor')
class AuditorsController {
  handle() {}
}

function contextFor(controller: new () => object, headers: AuthRequest['headers'] = {}) {
  const request: AuthRequest = { headers, method: 'POST', url: '/v1/things' };
  const context = {
    getHandler: () => (controller.prototype as Record<string, unknown>).handle,
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

const person: AuthenticatedUser = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Kim',
  role: 'bureau_head',
  roles: ['bureau_head', 'agency_officer'],
  agency: 'KISA',
  via: 'session',
};

const fixed = (name: string, user?: AuthenticatedUser): RequestAuthenticator => ({
  name,
  authenticate: () => (user ? { ...user } : undefined),
});

function guard(
  chain: RequestAuthenticator[],
  options: { hs256?: boolean; delegations?: DelegationResolver } = {},
) {
  return new AuthGuard(
    new Reflector(),
    { jwtSecret: secret, hs256Enabled: options.hs256 ?? true } as LiaisonConfig,
    { jwtMaxLifetimeS: 86_400 } as EdgeConfig,
    chain,
    options.delegations,
  );
}

async function attempt(g: AuthGuard, ctx: ExecutionContext): Promise<unknown> {
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

describe('AuthGuard: the chain', () => {
  it('asks the authenticators in order and stops at the first that proves the caller', async () => {
    const later = { name: 'later', authenticate: jest.fn() };
    const { context, request } = contextFor(OpenController);
    await guard([fixed('none'), fixed('session', person), later]).canActivate(context);
    expect(request.user?.id).toBe(person.id);
    expect(later.authenticate).not.toHaveBeenCalled();
  });

  it("passes on an authenticator's refusal as it is (a CSRF 403 stays a 403)", async () => {
    const csrf: RequestAuthenticator = {
      name: 'session',
      authenticate: () => {
        throw new ForbiddenException('X-CSRF-Token is missing');
      },
    };
    const error = await attempt(guard([csrf]), contextFor(OpenController).context);
    expect(error).toBeInstanceOf(ForbiddenException);
    expect((error as Error).message).toBe('X-CSRF-Token is missing');
  });

  it('turns an unexpected failure into a 401 without its cause', async () => {
    const broken: RequestAuthenticator = {
      name: 'broken',
      authenticate: () => Promise.reject(new TypeError('internals')),
    };
    const error = await attempt(guard([broken]), contextFor(OpenController).context);
    expect(error).toBeInstanceOf(UnauthorizedException);
    expect((error as Error).message).toBe('invalid credentials');
  });

  it('accepts HS256 tokens last, and refuses them as any unknown bearer when HS256 is off', async () => {
    const token = signToken({ sub: 'u', role: 'auditor' }, secret);
    const headers = { authorization: `Bearer ${token}` };
    expect(await guard([]).canActivate(contextFor(OpenController, headers).context)).toBe(true);
    const off = await attempt(
      guard([], { hs256: false }),
      contextFor(OpenController, headers).context,
    );
    expect(off).toBeInstanceOf(UnauthorizedException);
    expect((off as Error).message).toBe('invalid token');
  });
});

describe('AuthGuard: the role a request acts in', () => {
  it.each<[string, new () => object, string | undefined]>([
    ['a route open to any role: the first role held', OpenController, 'bureau_head'],
    ['a gated route: the first held role it allows', OfficersController, 'agency_officer'],
    ['a route none of them may use', AuditorsController, undefined],
  ])('%s', async (_case, controller, expected) => {
    const { context, request } = contextFor(controller);
    const outcome = await attempt(guard([fixed('session', person)]), context);
    if (expected === undefined) {
      expect(outcome).toBeInstanceOf(ForbiddenException);
      expect((outcome as Error).message).toBe(
        'Role bureau_head, agency_officer may not use POST /v1/things',
      );
    } else {
      expect(outcome).toBe(true);
      expect(request.user?.role).toBe(expected);
      expect(request.user?.roles).toEqual(person.roles);
    }
  });

  it('a person holding no role at all may use nothing', () => {
    expect(roleFor({ ...person, roles: [] }, undefined)).toBeUndefined();
    expect(roleFor({ id: 'k', role: 'auditor' }, ['auditor'])).toBe('auditor');
  });
});

describe('AuthGuard: X-On-Behalf-Of', () => {
  const delegatorId = '22222222-2222-4222-8222-222222222222';
  const resolver = (
    active: boolean,
    roles: Delegator['roles'] = ['agency_officer'],
  ): DelegationResolver & { delegatorFor: jest.Mock } => ({
    delegatorFor: jest.fn(async (): Promise<Delegator | undefined> =>
      active ? { id: delegatorId, name: 'Park', agency: 'NIS', roles } : undefined,
    ),
  });

  it("acts with the delegator's agency and roles; the caller stays the actor", async () => {
    const delegations = resolver(true);
    const { context, request } = contextFor(OfficersController, { 'x-on-behalf-of': delegatorId });
    await guard([fixed('session', person)], { delegations }).canActivate(context);
    expect(request.user).toMatchObject({
      id: person.id,
      role: 'agency_officer',
      roles: ['agency_officer'],
      agency: 'NIS',
      onBehalfOf: { id: delegatorId, name: 'Park' },
    });
    expect(delegations.delegatorFor.mock.calls[0][1]).toBe(delegatorId);
  });

  it.each<[string, string, boolean, boolean]>([
    ['no active delegation', delegatorId, false, true],
    ['a header that is no person id', 'nobody', true, true],
    ['no delegation resolver in this app', delegatorId, true, false],
  ])('refuses %s with 403 naming the header', async (_case, header, active, withResolver) => {
    const delegations = withResolver ? resolver(active) : undefined;
    const { context } = contextFor(OpenController, { 'x-on-behalf-of': header });
    const error = await attempt(guard([fixed('session', person)], { delegations }), context);
    expect(error).toBeInstanceOf(ForbiddenException);
    expect((error as Error).message).toMatch(/^X-On-Behalf-Of: no active delegation/);
  });

  it("borrows a delegator's duties only, never the admin's or the auditor's powers", async () => {
    const delegations = resolver(true, ['admin', 'bureau_head', 'auditor']);
    const { context, request } = contextFor(OpenController, { 'x-on-behalf-of': delegatorId });
    await guard([fixed('session', person)], { delegations }).canActivate(context);
    expect(request.user).toMatchObject({ role: 'bureau_head', roles: ['bureau_head'] });

    const onlyPowers = resolver(true, ['admin', 'auditor']);
    const refused = contextFor(OpenController, { 'x-on-behalf-of': delegatorId });
    const error = await attempt(
      guard([fixed('session', person)], { delegations: onlyPowers }),
      refused.context,
    );
    expect(error).toBeInstanceOf(ForbiddenException);
    expect((error as Error).message).toMatch(
      /^X-On-Behalf-Of: .* holds no role a colleague may act in/,
    );
  });
});

describe('AuthGuard: what the access log and the client are told', () => {
  const route = 'POST /v1/things';

  it('logs how the caller signed in only when an authenticator says so', async () => {
    const { via: _none, ...unnamed } = person;
    await guard([fixed('session', unnamed)]).canActivate(contextFor(OpenController).context);
    expect(log.mock.calls[0][0]).toStrictEqual({
      decision: 'allow',
      route,
      user: person.id,
      role: 'bureau_head',
      agency: 'KISA',
    });
  });

  it.each<[string, string, string, string]>([
    [
      'no Authorization header',
      '',
      'no credentials',
      'Sign in, or send an API key or a bearer token',
    ],
    [
      "a scheme that only mentions 'Bearer ' further on",
      'Token Bearer abc',
      'no credentials',
      'Sign in, or send an API key or a bearer token',
    ],
    [
      'a bearer token no authenticator took',
      'Bearer abc',
      'bearer token not accepted',
      'invalid token',
    ],
  ])(
    'given %s, then 401 with its reason in the log',
    async (_case, authorization, reason, message) => {
      const headers = authorization ? { authorization } : {};
      const error = await attempt(
        guard([], { hs256: false }),
        contextFor(OpenController, headers).context,
      );
      expect(error).toBeInstanceOf(UnauthorizedException);
      expect((error as Error).message).toBe(message);
      expect(warn).toHaveBeenCalledWith({ decision: 'deny', status: 401, route, reason });
    },
  );

  it('takes a repeated Authorization header as no credentials (ambiguous, so never read)', async () => {
    const token = signToken({ sub: 'u', role: 'auditor' }, secret);
    const headers = { authorization: [`Bearer ${token}`, `Bearer ${token}`] };
    const error = await attempt(guard([]), contextFor(OpenController, headers).context);
    expect(error).toBeInstanceOf(UnauthorizedException);
    expect((error as Error).message).toBe('Sign in, or send an API key or a bearer token');
  });

  it('names "no role" when a person holding none is refused', async () => {
    const error = await attempt(
      guard([fixed('session', { ...person, roles: [] })]),
      contextFor(OpenController).context,
    );
    expect(error).toBeInstanceOf(ForbiddenException);
    expect((error as Error).message).toBe(`Role no role may not use ${route}`);
  });
});

describe('AuthGuard: X-On-Behalf-Of, refusals and records', () => {
  const delegatorId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
  const resolverOf = (delegator: Delegator | undefined) => ({
    delegatorFor: jest.fn<Promise<Delegator | undefined>, [AuthenticatedUser, string, Date]>(
      async () => delegator,
    ),
  });
  const park: Delegator = {
    id: delegatorId,
    name: 'Park',
    agency: 'NIS',
    roles: ['agency_officer'],
  };

  it('logs the person acted for beside the actor; a request acting for nobody names no one', async () => {
    const { context } = contextFor(OpenController, { 'x-on-behalf-of': delegatorId });
    await guard([fixed('session', person)], { delegations: resolverOf(park) }).canActivate(context);
    expect(log.mock.calls[0][0]).toStrictEqual({
      decision: 'allow',
      route: 'POST /v1/things',
      user: person.id,
      role: 'agency_officer',
      agency: 'NIS',
      via: 'session',
      onBehalfOf: delegatorId,
    });

    await guard([fixed('session', person)]).canActivate(contextFor(OpenController).context);
    expect('onBehalfOf' in log.mock.calls[1][0]).toBe(false);
  });

  it('asks the resolver for the lower-case id when the header is in capitals', async () => {
    const delegations = resolverOf(park);
    const { context } = contextFor(OpenController, { 'x-on-behalf-of': delegatorId.toUpperCase() });
    await guard([fixed('session', person)], { delegations }).canActivate(context);
    expect(delegations.delegatorFor.mock.calls[0][1]).toBe(delegatorId);
  });

  it.each([
    ['text before the id', `x${delegatorId}`],
    ['text after the id', `${delegatorId}x`],
  ])('refuses an id with %s without asking the resolver', async (_case, header) => {
    const delegations = resolverOf(park);
    const { context } = contextFor(OpenController, { 'x-on-behalf-of': header });
    const error = await attempt(guard([fixed('session', person)], { delegations }), context);
    expect(error).toBeInstanceOf(ForbiddenException);
    expect(delegations.delegatorFor).not.toHaveBeenCalled();
  });

  it('names the id in the refusal, and logs why', async () => {
    const { context } = contextFor(OpenController, { 'x-on-behalf-of': delegatorId });
    const g = guard([fixed('session', person)], { delegations: resolverOf(undefined) });
    const error = await attempt(g, context);
    expect((error as Error).message).toBe(
      `X-On-Behalf-Of: no active delegation from ${delegatorId} to you`,
    );
    expect(warn).toHaveBeenCalledWith({
      decision: 'deny',
      status: 403,
      route: 'POST /v1/things',
      user: person.id,
      reason: 'no active delegation for X-On-Behalf-Of',
    });
  });

  it('refuses a repeated header as naming nobody', async () => {
    const headers = { 'x-on-behalf-of': [delegatorId, delegatorId] };
    const g = guard([fixed('session', person)], { delegations: resolverOf(park) });
    const error = await attempt(g, contextFor(OpenController, headers).context);
    expect((error as Error).message).toBe(
      'X-On-Behalf-Of: no active delegation from (repeated header) to you',
    );
  });

  it('names the roles a colleague may act in when the delegator holds none, and logs why', async () => {
    const powers: Delegator = { ...park, roles: ['admin', 'auditor'] };
    const { context } = contextFor(OpenController, { 'x-on-behalf-of': delegatorId });
    const error = await attempt(
      guard([fixed('session', person)], { delegations: resolverOf(powers) }),
      context,
    );
    expect((error as Error).message).toBe(
      `X-On-Behalf-Of: ${delegatorId} holds no role a colleague may act in (bureau_head, agency_officer)`,
    );
    expect(warn).toHaveBeenCalledWith({
      decision: 'deny',
      status: 403,
      route: 'POST /v1/things',
      user: person.id,
      reason: 'no duty to act for',
    });
  });

  it('records a delegator without a name as an id alone', async () => {
    const { name: _none, ...unnamed } = park;
    const { context, request } = contextFor(OpenController, { 'x-on-behalf-of': delegatorId });
    await guard([fixed('session', person)], { delegations: resolverOf(unnamed) }).canActivate(
      context,
    );
    expect(request.user?.onBehalfOf).toStrictEqual({ id: delegatorId });
  });
});
