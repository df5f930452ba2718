/**
 * Whether a cookie is Secure is one rule (SessionService.secure: SESSION_COOKIE_SECURE=always,
 * or the request came over HTTPS, directly or per a trusted proxy) for every cookie the API
 * sets: the session's, the queue dashboard's and the OIDC flow's.
 */
import { TestApi } from '../support/api';
import { freshAddress, session, startIdentityApi } from './identity-harness';

async function dashboardCookie(api: TestApi, headers: Record<string, string>): Promise<string> {
  const admin = await session(api.url, 'admin', undefined, headers);
  const res = await fetch(`${api.url}/admin/queues/session`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...headers },
  });
  expect(res.status).toBe(204);
  return res.headers.get('set-cookie') ?? '';
}

describe('Secure cookies: one rule', () => {
  it('SESSION_COOKIE_SECURE=always makes the session and the dashboard cookie Secure', async () => {
    const api = await startIdentityApi({ SESSION_COOKIE_SECURE: 'always' });
    try {
      const admin = await session(api.url, 'admin');
      expect(admin.setCookie).toMatch(/; Secure/);
      expect(await dashboardCookie(api, {})).toMatch(/^liaison_dashboard=.*; Secure/);
    } finally {
      await api.close();
      delete process.env.SESSION_COOKIE_SECURE;
    }
  });

  it('auto: Secure over HTTPS (a trusted proxy says so), not over plain HTTP', async () => {
    const api = await startIdentityApi({ SESSION_COOKIE_SECURE: 'auto' });
    try {
      const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': freshAddress() };
      expect(await dashboardCookie(api, https)).toMatch(/; Secure/);
      expect(await dashboardCookie(api, {})).not.toMatch(/Secure/);
    } finally {
      await api.close();
      delete process.env.SESSION_COOKIE_SECURE;
    }
  });
});
