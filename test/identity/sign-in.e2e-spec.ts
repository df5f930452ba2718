/**
 * Built-in sign-in against the real API, Postgres and Redis: the cookie, a new id at every
 * sign-in, sign-out and deactivation and a revoked role on the next request, the throttle, and
 * one answer in comparable time for an unknown name and a wrong password.
 */
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { DirectoryCommands, systemMeta } from '@liaison/directory';
import { TestApi } from '../support/api';
import { testPool } from '../support/database';
import {
  DEMO_PASSWORD,
  freshAddress,
  newPerson,
  session,
  signIn,
  startIdentityApi,
  withSession,
} from './identity-harness';

let api: TestApi;
let pool: Pool;
beforeAll(async () => {
  api = await startIdentityApi();
  pool = testPool(2);
});
afterAll(async () => {
  await pool.end();
  await api.close();
});

const directory = () => api.app.get(DirectoryCommands);
const idOf = (cookie: string) => cookie.split('=')[1];

describe('sign-in: the session cookie', () => {
  it('answers 200 with the person and a CSRF token, and an HttpOnly SameSite=Lax cookie on Path=/', async () => {
    const res = await signIn(api.url, ' KISA.Officer ', DEMO_PASSWORD, {
      'x-forwarded-for': freshAddress(),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      person: { login: 'kisa.officer', agency: 'KISA', roles: ['agency_officer'] },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(JSON.stringify(body)).not.toMatch(/hash|password/i);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^liaison_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie.split('; ')).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax']),
    );
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here
  });

  it('marks the cookie Secure over HTTPS (X-Forwarded-Proto from a trusted proxy)', async () => {
    const s = await session(api.url, 'kisa.head', DEMO_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(s.setCookie.split('; ')).toContain('Secure');
  });

  it('keeps only a hash of the session id server-side', async () => {
    const s = await session(api.url, 'kisa.officer');
    const id = idOf(s.cookie);
    const hash = createHash('sha256').update(id).digest();
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions WHERE id_hash = $1`,
      [hash],
    );
    expect(rows[0].n).toBe(1);
    const raw = await pool.query(
      `SELECT 1 FROM sessions WHERE encode(id_hash, 'escape') = $1 OR csrf_token = $1`,
      [id],
    );
    expect(raw.rowCount).toBe(0);
  });

  it('GET /v1/me names the person, roles, agency, delegations and the CSRF token', async () => {
    const s = await session(api.url, 'msit.head');
    const me = await withSession(api.url, 'GET', '/v1/me', s);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      person: {
        login: 'msit.head',
        displayName: { ko: expect.any(String), en: expect.any(String) },
        agency: 'MSIT',
        roles: ['bureau_head'],
      },
      delegations: [],
      csrfToken: s.csrfToken,
    });
  });
});

describe('sign-in: at the same moment', () => {
  // Five: the attempts one account may have under way at once while its free failures (5 by
  // default) are unspent; a sixth waits its turn (the throttle's int-spec holds that rule).
  it('signs one person in five times at once: five sessions, five SignedIn events', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        signIn(api.url, person.login, person.password, { 'x-forwarded-for': freshAddress() }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(200));
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = 'SignedIn'`,
      [`security-person-${person.id}`],
    );
    expect(rows[0].n).toBe(5);
  });

  it('answers a volley of guesses at one account with one check at a time past the free ones', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn(api.url, person.login, `wrong-guess-${i}`, { 'x-forwarded-for': freshAddress() }),
      ),
    );
    const statuses = guesses.map((g) => g.status);
    // At most the free attempts are checked side by side; the rest are told to wait.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
  });
});

describe('sign-in: lookups at the same moment', () => {
  it('answers each of many concurrent requests from its own session (lookups share a statement)', async () => {
    const a = await session(api.url, 'kisa.officer');
    const b = await session(api.url, 'msit.head');
    const ended = await session(api.url, 'nis.officer');
    await withSession(api.url, 'DELETE', '/v1/session', ended);
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        withSession(api.url, 'GET', '/v1/me', [a, b, ended][i % 3]),
      ),
    );
    answers.forEach((answer, i) => {
      if (i % 3 === 2) expect(answer.status).toBe(401);
      else {
        expect(answer.status).toBe(200);
        expect(answer.body.person).toMatchObject({
          login: i % 3 === 0 ? 'kisa.officer' : 'msit.head',
        });
      }
    });
  });
});

describe('sign-in: session lifetime', () => {
  it('gives a new session id at every sign-in and ends the one the request carried (fixation)', async () => {
    const first = await session(api.url, 'kisa.officer');
    const second = await session(api.url, 'kisa.officer', DEMO_PASSWORD, { cookie: first.cookie });
    expect(idOf(second.cookie)).not.toBe(idOf(first.cookie));
    expect((await withSession(api.url, 'GET', '/v1/me', first)).status).toBe(401);
    expect((await withSession(api.url, 'GET', '/v1/me', second)).status).toBe(200);
  });

  it('sign-out ends the session server-side: the same cookie is refused on the next request', async () => {
    const s = await session(api.url, 'kisa.officer');
    const out = await withSession(api.url, 'DELETE', '/v1/session', s);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^liaison_session=; .*Max-Age=0/);
    const after = await withSession(api.url, 'GET', '/v1/me', s);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ message: 'The session has ended; sign in again' });
  });

  it('deactivation ends the sessions at once', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const s = await session(api.url, person.login, person.password);
    expect((await withSession(api.url, 'GET', '/v1/me', s)).status).toBe(200);
    await directory().deactivate(person.id, 'left the agency', systemMeta('spec'));
    expect((await withSession(api.url, 'GET', '/v1/me', s)).status).toBe(401);
    const again = await signIn(api.url, person.login, person.password, {
      'x-forwarded-for': freshAddress(),
    });
    expect(again.status).toBe(401);
  });

  it('a revoked role stops working on the next request', async () => {
    const person = await newPerson(api, ['auditor', 'agency_officer']);
    const s = await session(api.url, person.login, person.password);
    expect((await withSession(api.url, 'GET', '/v1/audit/verify', s)).status).toBe(200);
    await directory().revokeRole(person.id, 'auditor', systemMeta('spec'));
    const after = await withSession(api.url, 'GET', '/v1/audit/verify', s);
    expect(after.status).toBe(403);
    // the role it still holds still works
    expect((await withSession(api.url, 'GET', '/v1/me', s)).body).toMatchObject({
      caller: { role: 'agency_officer', roles: ['agency_officer'] },
    });
  });

  it('an idle session ends after SESSION_IDLE_TIMEOUT_S, however long its absolute life', async () => {
    const s = await session(api.url, 'kisa.officer');
    const hash = createHash('sha256').update(idOf(s.cookie)).digest();
    await pool.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id_hash = $1`,
      [hash],
    );
    expect((await withSession(api.url, 'GET', '/v1/me', s)).status).toBe(401);
  });

  it('a session ends at its absolute end, however busy', async () => {
    const s = await session(api.url, 'kisa.officer');
    const hash = createHash('sha256').update(idOf(s.cookie)).digest();
    await pool.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = $1`,
      [hash],
    );
    expect((await withSession(api.url, 'GET', '/v1/me', s)).status).toBe(401);
  });

  it('an admin ends a person’s sessions at once', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const s = await session(api.url, person.login, person.password);
    const admin = await session(api.url, 'admin');
    const ended = await withSession(api.url, 'DELETE', `/v1/people/${person.id}/sessions`, admin);
    expect(ended).toMatchObject({ status: 200, body: { sessionsEnded: 1 } });
    expect((await withSession(api.url, 'GET', '/v1/me', s)).status).toBe(401);
  });
});

describe('sign-in: refusals', () => {
  it('answers an unknown name and a wrong password alike, in comparable time', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const timed = async (username: string) => {
      const started = process.hrtime.bigint();
      const res = await signIn(api.url, username, 'not-the-password', {
        'x-forwarded-for': freshAddress(),
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      return { status: res.status, body: await res.json(), ms };
    };
    const unknown = [];
    const wrong = [];
    for (let i = 0; i < 6; i++) {
      unknown.push(await timed(`nobody.${i}.${person.login}`));
      wrong.push(await timed(person.login));
    }
    expect(new Set([...unknown, ...wrong].map((r) => r.status))).toEqual(new Set([401]));
    expect(unknown[0].body).toEqual(wrong[0].body);
    expect(wrong[0].body).toMatchObject({ message: 'Unknown user name or wrong password' });
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratio = median(unknown.map((r) => r.ms)) / median(wrong.map((r) => r.ms));
    // Both verify one Argon2id hash at the same parameters (tens of ms); without the dummy hash
    // an unknown name would answer in about a millisecond (a ratio near 0.05).
    // Bounds wide enough for a busy CI machine, and far from the 0.05 of a missing dummy hash.
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  it('throttles an account after repeated failures (429, Retry-After), then lets the owner in', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const attempt = (password: string) =>
      signIn(api.url, person.login, password, { 'x-forwarded-for': freshAddress() });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).status).toBe(401);
    expect((await attempt('wrong-password')).status).toBe(401); // the 6th fails and starts a wait
    const held = await attempt(person.password);
    expect(held.status).toBe(429);
    const retryAfter = Number(held.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect(await held.json()).toMatchObject({ statusCode: 429 });
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 50));
    expect((await attempt(person.password)).status).toBe(200); // never locked out for ever
  });

  it('throttles an address that tries many names', async () => {
    const address = freshAddress();
    for (let i = 0; i < 20; i++) {
      const res = await signIn(api.url, `guess.${i}@nowhere`, 'password-guess', {
        'x-forwarded-for': address,
      });
      expect(res.status).toBe(401);
    }
    expect((await signIn(api.url, 'guess.last', 'x', { 'x-forwarded-for': address })).status).toBe(
      401,
    );
    const held = await signIn(api.url, 'kisa.officer', DEMO_PASSWORD, {
      'x-forwarded-for': address,
    });
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // another address is not held back
    expect(
      (await signIn(api.url, 'kisa.officer', DEMO_PASSWORD, { 'x-forwarded-for': freshAddress() }))
        .status,
    ).toBe(200);
  });

  it('records sign-ins and failures in the log, where auditors read them', async () => {
    const person = await newPerson(api, ['agency_officer']);
    await signIn(api.url, person.login, 'wrong-password', { 'x-forwarded-for': freshAddress() });
    await session(api.url, person.login, person.password);
    const auditor = await session(api.url, 'auditor');
    const stream = await withSession(
      api.url,
      'GET',
      `/v1/audit/streams/security-person-${person.id}`,
      auditor,
    );
    expect(stream.status).toBe(200);
    const events = (stream.body as unknown as { events?: unknown[] }).events ?? stream.body;
    const types = (events as { type: string; data: object }[]).map((e) => e.type);
    expect(types).toEqual(['SignInFailed', 'SignedIn']);
    expect(JSON.stringify(events)).not.toMatch(/wrong-password|\$argon2/);
  });
});
