/**
 * The routes outside Nest's router — the API docs and the queue dashboard — accept the same
 * credentials as the API (a signed-in session, an API key), not only the development HS256
 * tokens that production refuses.
 */
import { TestApi } from '../support/api';
import { session, Session, startIdentityApi, withSession } from './identity-harness';

let api: TestApi;
let admin: Session;
let auditor: Session;
let officer: Session;
beforeAll(async () => {
  api = await startIdentityApi();
  [admin, auditor, officer] = await Promise.all(
    ['admin', 'auditor', 'kisa.officer'].map((login) => session(api.url, login)),
  );
});
afterAll(() => api.close());

const get = (path: string, headers: Record<string, string>) =>
  fetch(`${api.url}${path}`, { headers });

describe('API docs and queue dashboard', () => {
  it('serve the docs to a signed-in auditor or admin, and refuse an officer (403)', async () => {
    expect((await get('/docs-json', { cookie: auditor.cookie })).status).toBe(200);
    expect((await get('/docs-json', { cookie: admin.cookie })).status).toBe(200);
    expect((await get('/docs-json', { cookie: officer.cookie })).status).toBe(403);
    expect((await get('/docs-json', {})).status).toBe(401);
  });

  it('open the queue dashboard to an admin by session or API key, not to an auditor', async () => {
    expect((await get('/admin/queues', { cookie: admin.cookie })).status).toBe(200);
    expect((await get('/admin/queues', { cookie: auditor.cookie })).status).toBe(403);
    const created = await withSession(api.url, 'POST', '/v1/api-keys', admin, {
      name: 'ops dashboard',
      role: 'admin',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect((await get('/admin/queues', { authorization: `Bearer ${key}` })).status).toBe(200);
    expect((await get('/docs-json', { authorization: `Bearer ${key}` })).status).toBe(200);
  });
});
