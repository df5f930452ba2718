/**
 * What outlives the request that opened it — a live stream (GET /v1/live) and the queue
 * dashboard's own session — ends with the credential: a sign-out, a deactivation, a revoked
 * role or a revoked API key counts within a bounded time (the stream) or at the next request
 * (the dashboard), on the real API, Postgres and Redis.
 */
import { DirectoryCommands, systemMeta } from '@liaison/directory';
import { LIVE_RECHECK_MS } from '../../apps/api/src/web/live/live.controller';
import { TestApi } from '../support/api';
import { newPerson, Session, session, startIdentityApi, withSession } from './identity-harness';

let api: TestApi;
beforeAll(async () => {
  api = await startIdentityApi();
});
afterAll(() => api.close());

const directory = () => api.app.get(DirectoryCommands);
/** Time for the stream's next check and a little for a loaded machine. */
const BOUND_MS = LIVE_RECHECK_MS + 3_000;

interface OpenStream {
  /** Everything the stream sent, once it has ended; rejects if it is still open at the bound. */
  ended: Promise<string>;
  abort(): void;
}

async function openLive(s: Session): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(`${api.url}/v1/live`, {
    headers: { cookie: s.cookie },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const ended = (async () => {
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += Buffer.from(value).toString('utf8');
    }
  })();
  return { ended, abort: () => controller.abort() };
}

/** Resolves with the stream's text if it ends within `ms` of now, else rejects. */
function endsWithin(stream: OpenStream, ms: number): Promise<string> {
  let timer: NodeJS.Timeout;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stream.abort();
      reject(new Error(`the stream was still open ${ms} ms later`));
    }, ms);
  });
  return Promise.race([stream.ended, late]).finally(() => clearTimeout(timer));
}

describe('a live stream', () => {
  it('ends once its session signs out', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const s = await session(api.url, person.login, person.password);
    const stream = await openLive(s);
    expect((await withSession(api.url, 'DELETE', '/v1/session', s)).status).toBe(204);
    const text = await endsWithin(stream, BOUND_MS);
    expect(text).toContain('event: ended');
    expect(text).toContain('The session has ended');
  }, 30_000);

  it('ends once its person is deactivated', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const s = await session(api.url, person.login, person.password);
    const stream = await openLive(s);
    await directory().deactivate(person.id, 'left the agency', systemMeta('spec'));
    expect(await endsWithin(stream, BOUND_MS)).toContain('event: ended');
  }, 30_000);

  it('ends once the role that let it open is revoked, and stays open while it holds', async () => {
    const person = await newPerson(api, ['agency_officer', 'admin']);
    const s = await session(api.url, person.login, person.password);
    const stream = await openLive(s);
    // still allowed through one check: open after it
    await expect(endsWithin(stream, LIVE_RECHECK_MS + 1_000)).rejects.toThrow('still open');
    const again = await openLive(s);
    await directory().revokeRole(person.id, 'agency_officer', systemMeta('spec'));
    const text = await endsWithin(again, BOUND_MS);
    expect(text).toContain('event: ended');
    expect(text).toMatch(/Role admin may not use GET \/v1\/live/);
  }, 30_000);
});

describe('the queue dashboard session', () => {
  const queues = (cookie: string) =>
    fetch(`${api.url}/admin/queues/api/queues`, { headers: { cookie } }).then((r) => r.status);

  async function openDashboard(headers: Record<string, string>): Promise<string> {
    const res = await fetch(`${api.url}/admin/queues/session`, { method: 'POST', headers });
    expect(res.status).toBe(204);
    const value = /liaison_dashboard=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    return `liaison_dashboard=${value}`;
  }

  it('ends with the API session it was opened with (sign-out)', async () => {
    const admin = await newPerson(api, ['admin']);
    const s = await session(api.url, admin.login, admin.password);
    const cookie = await openDashboard({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
    expect(await queues(cookie)).toBe(200);
    expect((await withSession(api.url, 'DELETE', '/v1/session', s)).status).toBe(204);
    expect(await queues(cookie)).toBe(401);
  });

  it('answers 403 once the admin role is revoked, 401 once the person is deactivated', async () => {
    const admin = await newPerson(api, ['admin', 'auditor']);
    const s = await session(api.url, admin.login, admin.password);
    const cookie = await openDashboard({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
    expect(await queues(cookie)).toBe(200);
    await directory().revokeRole(admin.id, 'admin', systemMeta('spec'));
    expect(await queues(cookie)).toBe(403);
    await directory().deactivate(admin.id, 'left', systemMeta('spec'));
    expect(await queues(cookie)).toBe(401);
  });

  it('ends with the API key it was opened with (revoked)', async () => {
    const admin = await session(api.url, 'admin');
    const created = await withSession(api.url, 'POST', '/v1/api-keys', admin, {
      name: 'dashboard spec',
      role: 'admin',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const cookie = await openDashboard({ authorization: `Bearer ${created.body.key as string}` });
    expect(await queues(cookie)).toBe(200);
    const revoked = await withSession(api.url, 'DELETE', `/v1/api-keys/${created.body.id}`, admin);
    expect(revoked.status).toBe(204);
    expect(await queues(cookie)).toBe(401);
  });
});
