import { Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  AuthenticatedUser,
  AuthGuard,
  EdgeConfig,
  LiaisonConfig,
  RequestAuthenticator,
  signToken,
} from '@liaison/platform';
import { DASHBOARD_COOKIE, DashboardRequest, dashboardAccess } from './dashboard-access';

const SECRET = 'dashboard-spec-secret-0123456789abcdef';
const token = (role: 'admin' | 'auditor') => signToken({ sub: `u-${role}`, role }, SECRET);
const SESSION_ID = 'a'.repeat(43);

/** The store's lookup as the access check uses it; the Redis store has its e2e spec. */
const sessions = (known: Record<string, AuthenticatedUser> = {}) => ({
  find: async (id: string) => known[id],
});
/** The API's guard, with HS256 tokens and whatever else the chain is given. */
const guard = (chain: RequestAuthenticator[] = []) =>
  new AuthGuard(
    new Reflector(),
    { jwtSecret: SECRET, hs256Enabled: true } as LiaisonConfig,
    { jwtMaxLifetimeS: 86_400 } as EdgeConfig,
    chain,
  );
const credentials = (known?: Record<string, AuthenticatedUser>, g = guard()) => ({
  identify: (req: DashboardRequest) => g.identify(req),
  sessions: sessions(known),
});
const get = (headers: Record<string, string>): DashboardRequest => ({
  headers,
  method: 'GET',
  url: '/admin/queues',
});

beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

describe('dashboardAccess', () => {
  it('lets an admin in with a bearer token', async () => {
    const access = await dashboardAccess(
      get({ authorization: `Bearer ${token('admin')}` }),
      credentials(),
    );
    expect(access).toMatchObject({ allowed: true, user: { role: 'admin' }, via: 'credential' });
  });

  it('lets an admin in with the id of an open session', async () => {
    const cookie = `other=1; ${DASHBOARD_COOKIE}=${SESSION_ID}`;
    const access = await dashboardAccess(
      get({ cookie }),
      credentials({ [SESSION_ID]: { id: 'u-admin', role: 'admin' } }),
    );
    expect(access).toMatchObject({ allowed: true, via: 'session' });
  });

  it('turns away a cookie holding a token instead of a session id (401)', async () => {
    const cookie = `${DASHBOARD_COOKIE}=${encodeURIComponent(token('admin'))}`;
    expect(await dashboardAccess(get({ cookie }), credentials())).toMatchObject({
      allowed: false,
      status: 401,
    });
  });

  it('turns away a caller without a token (401)', async () => {
    expect(await dashboardAccess(get({}), credentials())).toMatchObject({
      allowed: false,
      status: 401,
    });
  });

  it('turns away a forged token (401)', async () => {
    const forged = signToken({ sub: 'x', role: 'admin' }, 'another-secret-0123456789abcdefghij');
    const access = await dashboardAccess(get({ authorization: `Bearer ${forged}` }), credentials());
    expect(access).toMatchObject({ allowed: false, status: 401 });
  });

  it('turns away every other role (403)', async () => {
    const access = await dashboardAccess(
      get({ authorization: `Bearer ${token('auditor')}` }),
      credentials(),
    );
    expect(access).toMatchObject({ allowed: false, status: 403 });
  });

  it('lets an admin in by any credential of the chain, such as a signed-in session', async () => {
    const admin: AuthenticatedUser = {
      id: 'p-1',
      role: 'auditor',
      roles: ['auditor', 'admin'],
      via: 'session',
    };
    const session: RequestAuthenticator = {
      name: 'session',
      authenticate: (req) => (req.headers.cookie === 'liaison_session=s1' ? admin : undefined),
    };
    const access = await dashboardAccess(
      get({ cookie: 'liaison_session=s1' }),
      credentials({}, guard([session])),
    );
    expect(access).toMatchObject({ allowed: true, via: 'credential', user: { id: 'p-1' } });
  });
});
