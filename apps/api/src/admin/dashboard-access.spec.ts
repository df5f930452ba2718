import { signToken } from '@liaison/platform';
import { DASHBOARD_COOKIE, dashboardAccess } from './dashboard-access';

const SECRET = 'dashboard-spec-secret-0123456789abcdef';
const token = (role: 'admin' | 'auditor') => signToken({ sub: `u-${role}`, role }, SECRET);

describe('dashboardAccess', () => {
  it('lets an admin in with a bearer token', () => {
    const access = dashboardAccess(
      { headers: { authorization: `Bearer ${token('admin')}` } },
      SECRET,
    );
    expect(access).toMatchObject({ allowed: true, user: { role: 'admin' } });
  });

  it('lets an admin in with the session cookie', () => {
    const cookie = `other=1; ${DASHBOARD_COOKIE}=${encodeURIComponent(token('admin'))}`;
    expect(dashboardAccess({ headers: { cookie } }, SECRET).allowed).toBe(true);
  });

  it('turns away a caller without a token (401)', () => {
    expect(dashboardAccess({ headers: {} }, SECRET)).toMatchObject({ allowed: false, status: 401 });
  });

  it('turns away a forged token (401)', () => {
    const forged = signToken({ sub: 'x', role: 'admin' }, 'another-secret-0123456789abcdefghij');
    const access = dashboardAccess({ headers: { authorization: `Bearer ${forged}` } }, SECRET);
    expect(access).toMatchObject({ allowed: false, status: 401 });
  });

  it('turns away every other role (403)', () => {
    const access = dashboardAccess(
      { headers: { authorization: `Bearer ${token('auditor')}` } },
      SECRET,
    );
    expect(access).toMatchObject({ allowed: false, status: 403 });
  });
});
