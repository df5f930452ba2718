/**
 * CSRF on cookie-authenticated unsafe requests (and none for bearer requests), API keys (scope,
 * revoked, expired, shown once, first use recorded) and passwords (change, admin reset, policy).
 */
import { Pool } from 'pg';
import { TestApi, tokenFor } from '../support/api';
import { testPool } from '../support/database';
import { call } from '../support/http';
import {
  freshAddress,
  newPerson,
  session,
  Session,
  signIn,
  startIdentityApi,
  withSession,
} from './identity-harness';

let api: TestApi;
let pool: Pool;
let admin: Session;
beforeAll(async () => {
  api = await startIdentityApi();
  pool = testPool(2);
  admin = await session(api.url, 'admin');
});
afterAll(async () => {
  await pool.end();
  await api.close();
});

const workshop = (hostAgency = 'MSIT') => ({
  title: 'CSRF workshop',
  heldOn: '2026-11-18',
  hostAgency,
  counterparts: ['OPENAI'],
  attendingAgencies: ['KISA'],
  topics: [],
});
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('CSRF', () => {
  let head: Session;
  beforeAll(async () => {
    head = await session(api.url, 'msit.head');
  });

  it('refuses a cookie-authenticated POST without X-CSRF-Token (403) and appends nothing', async () => {
    const before = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'WorkshopHeld'`,
    );
    const res = await withSession(api.url, 'POST', '/v1/workshops', head, workshop(), {
      csrf: false,
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ message: expect.stringMatching(/^X-CSRF-Token/) });
    const after = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'WorkshopHeld'`,
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses a token of another session (403)', async () => {
    const other = await session(api.url, 'msit.head');
    const res = await withSession(api.url, 'POST', '/v1/workshops', head, workshop(), {
      csrf: false,
      headers: { 'x-csrf-token': other.csrfToken },
    });
    expect(res.status).toBe(403);
  });

  it('accepts it with the session’s token (201)', async () => {
    expect((await withSession(api.url, 'POST', '/v1/workshops', head, workshop())).status).toBe(
      201,
    );
  });

  it('needs none for a safe method, nor for a bearer request', async () => {
    expect(
      (await withSession(api.url, 'GET', '/v1/workshops', head, undefined, { csrf: false })).status,
    ).toBe(200);
    const bearer = await call(
      api.url,
      'POST',
      '/v1/workshops',
      tokenFor('bureau_head', 'MSIT'),
      workshop(),
    );
    expect(bearer.status).toBe(201);
  });

  it('guards sign-out too: a forged DELETE /v1/session does not end the session', async () => {
    const s = await session(api.url, 'kisa.officer');
    const forged = await withSession(api.url, 'DELETE', '/v1/session', s, undefined, {
      csrf: false,
    });
    expect(forged.status).toBe(403);
    expect((await withSession(api.url, 'GET', '/v1/me', s)).status).toBe(200);
  });
});

describe('API keys', () => {
  const create = (body: object) => withSession(api.url, 'POST', '/v1/api-keys', admin, body);
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const withKey = (key: string, method: string, path: string, body?: unknown) =>
    withSession(api.url, method, path, undefined, body, { headers: bearer(key) });

  it('shows the key once, lists it without its secret, and stores only a hash', async () => {
    const created = await create({
      name: 'Board exporter',
      role: 'auditor',
      expiresAt: inDays(30),
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^lsk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const list = await withSession(api.url, 'GET', '/v1/api-keys', admin);
    const listed = (list.body as unknown as Record<string, unknown>[]).find(
      (k) => k.id === created.body.id,
    );
    expect(listed).toMatchObject({ name: 'Board exporter', role: 'auditor' });
    expect(JSON.stringify(list.body)).not.toContain(key.split('_')[2]);
    const stored = await pool.query(`SELECT 1 FROM api_keys WHERE secret_hash::text LIKE $1`, [
      `%${key.split('_')[2]}%`,
    ]);
    expect(stored.rowCount).toBe(0);
  });

  it('enforces its role and agency scope', async () => {
    const auditorKey = (await create({ name: 'a', role: 'auditor', expiresAt: inDays(1) })).body
      .key as string;
    expect((await withKey(auditorKey, 'GET', '/v1/audit/verify')).status).toBe(200);
    expect((await withKey(auditorKey, 'POST', '/v1/workshops', workshop())).status).toBe(403);

    const msitKey = (
      await create({ name: 'm', role: 'bureau_head', agency: 'MSIT', expiresAt: inDays(1) })
    ).body.key as string;
    expect((await withKey(msitKey, 'POST', '/v1/workshops', workshop('MSIT'))).status).toBe(201);
    expect((await withKey(msitKey, 'POST', '/v1/workshops', workshop('KISA'))).status).toBe(403);
    expect((await withKey(msitKey, 'GET', '/v1/audit/verify')).status).toBe(403);
  });

  it('records the first use once, and the last use', async () => {
    const created = await create({ name: 'f', role: 'auditor', expiresAt: inDays(1) });
    const key = created.body.key as string;
    await withKey(key, 'GET', '/v1/audit/verify');
    await withKey(key, 'GET', '/v1/audit/verify');
    const { rows } = await pool.query<{ type: string }>(
      `SELECT type FROM events WHERE stream_id = $1 ORDER BY version`,
      [`api-key-${created.body.id as string}`],
    );
    expect(rows.map((r) => r.type)).toEqual(['ApiKeyCreated', 'ApiKeyFirstUsed']);
    const listed = await withSession(api.url, 'GET', '/v1/api-keys', admin);
    expect(
      (listed.body as unknown as Record<string, unknown>[]).find((k) => k.id === created.body.id),
    ).toMatchObject({ firstUsedAt: expect.any(String), lastUsedAt: expect.any(String) });
  });

  it('refuses a revoked key from the next request on (401)', async () => {
    const created = await create({ name: 'r', role: 'auditor', expiresAt: inDays(1) });
    const key = created.body.key as string;
    expect((await withKey(key, 'GET', '/v1/audit/verify')).status).toBe(200);
    const revoked = await withSession(
      api.url,
      'DELETE',
      `/v1/api-keys/${created.body.id as string}`,
      admin,
    );
    expect(revoked.status).toBe(204);
    const after = await withKey(key, 'GET', '/v1/audit/verify');
    expect(after).toMatchObject({ status: 401, body: { message: 'API key revoked' } });
  });

  it('refuses an expired key (401)', async () => {
    const created = await create({ name: 'e', role: 'auditor', expiresAt: inDays(1) });
    await pool.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      created.body.id,
    ]);
    const res = await withKey(created.body.key as string, 'GET', '/v1/audit/verify');
    expect(res).toMatchObject({ status: 401, body: { message: 'API key expired' } });
  });

  it.each([
    ['a wrong secret', (key: string) => `${key.slice(0, -4)}AAAA`],
    ['an unknown id', (key: string) => key.replace(/^lsk_[0-9a-f]{16}/, 'lsk_0000000000000000')],
    ['a malformed key', () => 'lsk_short'],
  ])('refuses %s (401)', async (_case, tamper) => {
    const key = (await create({ name: 't', role: 'auditor', expiresAt: inDays(1) })).body
      .key as string;
    const res = await withKey(tamper(key), 'GET', '/v1/audit/verify');
    expect(res).toMatchObject({ status: 401, body: { message: 'invalid API key' } });
  });

  it.each<[string, object, string]>([
    [
      'an officer key without agency',
      { name: 'x', role: 'agency_officer', expiresAt: inDays(1) },
      'agency',
    ],
    [
      'an expiry in the past',
      { name: 'x', role: 'auditor', expiresAt: '2020-01-01T00:00:00Z' },
      'expiresAt',
    ],
    [
      'an expiry beyond a year',
      { name: 'x', role: 'auditor', expiresAt: inDays(400) },
      'expiresAt',
    ],
    ['an unknown role', { name: 'x', role: 'root', expiresAt: inDays(1) }, 'role'],
    [
      'a counterpart as agency',
      { name: 'x', role: 'bureau_head', agency: 'OPENAI', expiresAt: inDays(1) },
      'agency',
    ],
  ])('refuses to create %s (400 naming the field)', async (_case, body, field) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('is managed by people, not by keys: an admin key may not create or revoke keys (403)', async () => {
    const adminKey = (await create({ name: 'ops', role: 'admin', expiresAt: inDays(1) })).body
      .key as string;
    const body = { name: 'child', role: 'auditor', expiresAt: inDays(1) };
    expect((await withKey(adminKey, 'POST', '/v1/api-keys', body)).status).toBe(403);
    expect((await withKey(adminKey, 'GET', '/v1/api-keys')).status).toBe(200);
  });

  it('is for admins only', async () => {
    const head = await session(api.url, 'msit.head');
    expect((await withSession(api.url, 'GET', '/v1/api-keys', head)).status).toBe(403);
  });
});

describe('passwords', () => {
  it('changes one’s own with the current one; other sessions end, this one stays', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const here = await session(api.url, person.login, person.password);
    const elsewhere = await session(api.url, person.login, person.password);
    const next = 'a long new passphrase 한글';
    const changed = await withSession(api.url, 'PUT', '/v1/me/password', here, {
      currentPassword: person.password,
      newPassword: next,
    });
    expect(changed.status).toBe(204);
    expect((await withSession(api.url, 'GET', '/v1/me', here)).status).toBe(200);
    expect((await withSession(api.url, 'GET', '/v1/me', elsewhere)).status).toBe(401);
    const old = await signIn(api.url, person.login, person.password, {
      'x-forwarded-for': freshAddress(),
    });
    expect(old.status).toBe(401);
    await session(api.url, person.login, next);
  });

  it.each<[string, string, string, string]>([
    ['a wrong current password', 'wrong-current', 'another long passphrase', 'currentPassword'],
    ['a short new one', '', 'short', 'newPassword must be at least 12 characters'],
    ['a common one', '', 'password1234', 'newPassword is one of the most common passwords'],
    [
      'one containing the login',
      '',
      'LOGIN-and-more-words',
      'newPassword must not contain the login name',
    ],
  ])('refuses %s (400 naming the field)', async (_case, current, next, message) => {
    const person = await newPerson(api, ['agency_officer']);
    const s = await session(api.url, person.login, person.password);
    const res = await withSession(api.url, 'PUT', '/v1/me/password', s, {
      currentPassword: current || person.password,
      newPassword: next.replace('LOGIN', person.login),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(message);
  });

  it('an admin resets a password: the person’s sessions end, the new one works', async () => {
    const person = await newPerson(api, ['agency_officer']);
    const s = await session(api.url, person.login, person.password);
    const reset = await withSession(api.url, 'PUT', `/v1/people/${person.id}/password`, admin, {
      newPassword: 'chosen by the admin desk',
    });
    expect(reset).toMatchObject({ status: 200, body: { sessionsEnded: 1 } });
    expect((await withSession(api.url, 'GET', '/v1/me', s)).status).toBe(401);
    await session(api.url, person.login, 'chosen by the admin desk');
    const { rows } = await pool.query<{ type: string; data: object }>(
      `SELECT type, data FROM events WHERE stream_id = $1 ORDER BY version`,
      [`security-person-${person.id}`],
    );
    expect(rows.map((r) => r.type)).toEqual(['SignedIn', 'PasswordReset', 'SignedIn']);
    expect(JSON.stringify(rows)).not.toMatch(/argon2|chosen by/);
  });
});
