import { AuthenticatedUser, signToken } from '@liaison/platform';
import { DASHBOARD_COOKIE, dashboardAccess } from './dashboard-access';

const SECRET = 'dashboard-spec-secret-0123456789abcdef';
const token = (role: 'admin' | 'auditor') => signToken({ sub: `u-${role}`, role }, SECRET);
const SESSION_ID = 'a'.repeat(43);

/** The store's lookup as the access check uses it; the Redis store has its e2e spec. */
const sessions = (known: Record<string, AuthenticatedUser> = {}) => ({
  find: async (id: string) => known[id],
});
const credentials = (known?: Record<string, AuthenticatedUser>) => ({
  jwtSecret: SECRET,
  jwtMaxLifetimeS: 86_400,
  sessions: sessions(known),
});

describe('dashboardAccess', () => {
  it('lets an admin in with a bearer token', async () => {
    const access = await dashboardAccess(
      { headers: { authorization: `Bearer ${token('admin')}` } },
      credentials(),
    );
    expect(access).toMatchObject({ allowed: true, user: { role: 'admin' }, via: 'bearer' });
  });

  it('lets an admin in with the id of an open session', async () => {
    const cookie = `other=1; ${DASHBOARD_COOKIE}=${SESSION_ID}`;
    const access = await dashboardAccess(
      { headers: { cookie } },
      credentials({ [SESSION_ID]: { id: 'u-admin', role: 'admin' } }),
    );
    expect(access).toMatchObject({ allowed: true, via: 'session' });
  });

  it('turns away a cookie holding a token instead of a session id (401)', async () => {
    const cookie = `${DASHBOARD_COOKIE}=${encodeURIComponent(token('admin'))}`;
    expect(await dashboardAccess({ headers: { cookie } }, credentials())).toMatchObject({
      allowed: false,
      status: 401,
    });
  });

  it('turns away a caller without a token (401)', async () => {
    expect(await dashboardAccess({ headers: {} }, credentials())).toMatchObject({
      allowed: false,
      status: 401,
    });
  });

  it('turns away a forged token (401)', async () => {
    const forged = signToken({ sub: 'x', role: 'admin' }, 'another-secret-0123456789abcdefghij');
    const access = await dashboardAccess(
      { headers: { authorization: `Bearer ${forged}` } },
      credentials(),
    );
    expect(access).toMatchObject({ allowed: false, status: 401 });
  });

  it('turns away every other role (403)', async () => {
    const access = await dashboardAccess(
      { headers: { authorization: `Bearer ${token('auditor')}` } },
      credentials(),
    );
    expect(access).toMatchObject({ allowed: false, status: 403 });
  });
});
