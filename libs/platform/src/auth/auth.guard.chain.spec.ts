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

function contextFor(controller: new () => object, headers: Record<string, string> = {}) {
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

beforeEach(() => {
  jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
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
