/**
 * The edge under abuse (issue 11, item 6): each case here answered wrongly before its fix —
 * 500s, stalls, no limits, internal webhook targets, public metrics and docs, no security
 * headers, tokens for a millennium, a JWT in a cookie, error bodies of half a megabyte.
 */
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startTestApi, TEST_JWT_SECRET, TestApi, tokenFor } from './support/api';
import { testPool } from './support/database';
import { admin, auditor, kisaOfficer, msitHead } from './support/fixtures';
import { call, caller } from './support/http';

/** An API started under extra variables (they are read at boot), which are then put back. */
async function startApiWith(vars: Record<string, string>): Promise<TestApi> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await startTestApi();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('a hardened edge', () => {
  let api: TestApi;
  let pool: Pool;

  beforeAll(async () => {
    api = await startTestApi();
    pool = testPool(2);
  });
  afterAll(async () => {
    await api.close();
    await pool.end();
  });

  describe('JSON depth and key count, before validation', () => {
    const deepBody = `{"title": ${nested(30_000)}}`;

    it('refuses 30,000 nested arrays with 400 naming the depth limit', async () => {
      const res = await call(api.url, 'POST', '/v1/workshops', msitHead, deepBody);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toContain('deeper than 32');
    });

    it('keeps answering other requests while eight such bodies arrive at once', async () => {
      const floods = Array.from({ length: 8 }, () =>
        call(api.url, 'POST', '/v1/workshops', msitHead, deepBody),
      );
      const started = Date.now();
      const health = await fetch(`${api.url}/health`);
      const answers = await Promise.all(floods);
      expect(health.status).toBeLessThan(600);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(400));
    });

    it('refuses 6,000 keys with 400 naming the key limit, in a small body', async () => {
      const body = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`k${i}`, 1]));
      const res = await call(api.url, 'POST', '/v1/workshops', msitHead, body);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('more than 1000 keys');
      expect(JSON.stringify(res.body).length).toBeLessThan(1000);
    });

    it('lists at most 20 field problems, then says how many more', async () => {
      const body = Object.fromEntries(Array.from({ length: 900 }, (_, i) => [`k${i}`, 1]));
      const res = await call(api.url, 'POST', '/v1/workshops', msitHead, body);
      expect(res.status).toBe(400);
      expect((res.body.details as unknown[]).length).toBe(20);
      expect(res.body.message).toMatch(/and \d+ more field problems$/);
      expect(JSON.stringify(res.body).length).toBeLessThan(8 * 1024);
    });
  });

  describe('read positions, cursors and dates', () => {
    it('refuses an X-Min-Position beyond the log head at once, naming the field', async () => {
      const started = Date.now();
      const res = await call(api.url, 'GET', '/v1/follow-ups', msitHead, undefined, {
        'x-min-position': '999999999999999',
      });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('minPosition');
      expect(Date.now() - started).toBeLessThan(1000);
      const query = await call(api.url, 'GET', '/v1/follow-ups?minPosition=999999999999', msitHead);
      expect(query.status).toBe(400);
    });

    const cursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const id = randomUUID();
    it.each([
      ['an invalid date', cursor(['dueAt:asc', 'not a date', id])],
      ['the year 275760', cursor(['dueAt:asc', '+275760-09-13T00:00:00.000Z', id])],
      ['a bare number as date', cursor(['dueAt:asc', '1', id])],
      ['the year zero', cursor(['dueAt:asc', '0000-01-01T00:00:00.000Z', id])],
      ['February 30th', cursor(['dueAt:asc', '2026-02-30T00:00:00.000Z', id])],
      ['not base64 JSON', '%%%'],
    ])('refuses a board cursor with %s: 400', async (_label, value) => {
      const res = await call(
        api.url,
        'GET',
        `/v1/follow-ups?cursor=${encodeURIComponent(value)}`,
        msitHead,
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('cursor');
    });

    it.each([
      ['/v1/audit/events?after=99999999999999999999:1', 'after'],
      ['/v1/audit/access-log?since=0000-01-01T00:00:00Z', 'since'],
      ['/v1/audit/access-log?since=275760-09-13T00:00:00Z', 'since'],
      ['/v1/audit/access-log?since=2026-02-30T00:00:00Z', 'since'],
      [`/v1/audit/follow-ups/${id}?asOf=0000-01-01T00:00:00Z`, 'asOf'],
      [`/v1/audit/follow-ups/${id}?asOf=%2B275760-09-13T00:00:00Z`, 'asOf'],
      [`/v1/audit/streams/x?asOf=9999-99-99T00:00:00Z`, 'asOf'],
      [`/v1/audit/streams/x?asOf=0001-01-01T00:00:00%2B14:00`, 'asOf'],
      ['/v1/audit/access-log?since=0001-01-01T00:00:00%2B14:00', 'since'],
      ['/v1/audit/access-log?before=9007199254740993', 'before'],
    ])('refuses %s: 400 naming %s', async (path, field) => {
      const res = await call(api.url, 'GET', path, auditor);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
    });
  });

  describe('tokens', () => {
    // jsonwebtoken keeps an iat given in the claims, and adds none with noTimestamp
    const sign = (claims: { iat?: number; [claim: string]: unknown }) =>
      jwt.sign(claims, TEST_JWT_SECRET, {
        algorithm: 'HS256',
        noTimestamp: claims.iat === undefined,
      });
    const now = Math.floor(Date.now() / 1000);
    it.each([
      ['expiring in the year 3000', { exp: 32_503_680_000, iat: now }, 'lifetime'],
      ['issued in the future', { exp: now + 7200, iat: now + 3600 }, 'iat'],
      ['without iat', { exp: now + 3600 }, 'iat'],
    ])('refuses a token %s (401)', async (_label, times, reason) => {
      const token = sign({ sub: 'auditor.x', role: 'auditor', ...times });
      const res = await call(api.url, 'GET', '/v1/audit/access-log', token);
      expect(res.status).toBe(401);
      expect(res.body.message).toContain(reason);
    });

    it('still takes the tokens the helpers mint', async () => {
      expect((await call(api.url, 'GET', '/v1/audit/access-log', auditor)).status).toBe(200);
    });
  });

  describe('headers', () => {
    it('sends security headers and Cache-Control: no-store on API answers', async () => {
      const res = await call(api.url, 'GET', '/v1/follow-ups', msitHead);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toContain('max-age');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      const refused = await call(api.url, 'GET', '/v1/follow-ups');
      expect(refused.headers.get('cache-control')).toBe('no-store');
    });
  });

  describe('/metrics and /docs', () => {
    it.each(['/metrics', '/docs', '/docs-json'])('%s wants a token (401)', async (path) => {
      expect((await fetch(`${api.url}${path}`)).status).toBe(401);
    });

    it('lets admins read metrics, admins and auditors the docs, nobody else', async () => {
      const as = (path: string, token: string) =>
        fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect((await as('/metrics', admin.token)).status).toBe(200);
      expect((await as('/metrics', auditor.token)).status).toBe(403);
      expect((await as('/docs-json', auditor.token)).status).toBe(200);
      expect((await as('/docs-json', admin.token)).status).toBe(200);
      expect((await as('/docs-json', kisaOfficer.token)).status).toBe(403);
      expect((await as('/docs', msitHead.token)).status).toBe(403);
    });

    it('serves both on the ops port instead when OPS_PORT is set, and 404 on the API port', async () => {
      const opsPort = 40_000 + Math.floor(Math.random() * 20_000);
      const separate = await startApiWith({ OPS_PORT: String(opsPort) });
      try {
        expect((await fetch(`${separate.url}/metrics`)).status).toBe(404);
        expect((await fetch(`${separate.url}/docs-json`)).status).toBe(404);
        const metrics = await fetch(`http://127.0.0.1:${opsPort}/metrics`);
        expect(metrics.status).toBe(200);
        expect(await metrics.text()).toContain('# HELP');
        const docs = await fetch(`http://127.0.0.1:${opsPort}/docs-json`);
        expect(((await docs.json()) as { openapi: string }).openapi).toMatch(/^3\./);
      } finally {
        await separate.close();
      }
    });
  });

  describe('the queue dashboard session', () => {
    it('is an opaque id, not a token, and not good as a bearer', async () => {
      const opened = await fetch(`${api.url}/admin/queues/session`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}` },
      });
      expect(opened.status).toBe(204);
      const setCookie = opened.headers.get('set-cookie') ?? '';
      const value = /liaison_dashboard=([^;]*)/.exec(setCookie)?.[1] ?? '';
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(value).not.toContain(admin.token.split('.')[0]);
      expect(setCookie).toContain('HttpOnly');

      const cookie = `liaison_dashboard=${value}`;
      expect(
        (await fetch(`${api.url}/admin/queues/api/queues`, { headers: { cookie } })).status,
      ).toBe(200);
      expect((await call(api.url, 'GET', '/v1/admin/dead-letters', value)).status).toBe(401);

      // a session cannot open another, and ends when closed
      const renewed = await fetch(`${api.url}/admin/queues/session`, {
        method: 'POST',
        headers: { cookie },
      });
      expect(renewed.status).toBe(401);
      await fetch(`${api.url}/admin/queues/session`, { method: 'DELETE', headers: { cookie } });
      expect(
        (await fetch(`${api.url}/admin/queues/api/queues`, { headers: { cookie } })).status,
      ).toBe(401);
    });

    it('refuses a cookie that holds a JWT', async () => {
      const cookie = `liaison_dashboard=${encodeURIComponent(admin.token)}`;
      expect(
        (await fetch(`${api.url}/admin/queues/api/queues`, { headers: { cookie } })).status,
      ).toBe(401);
    });
  });

  describe('webhook targets at registration', () => {
    const setWebhook = (url: string) =>
      call(api.url, 'POST', '/v1/admin/agencies/KISA/webhook', admin, {
        url,
        secret: 'kisa-webhook-secret-0123456789',
      });
    it.each([
      ['http://169.254.169.254/latest/meta-data/', 'https'],
      ['https://169.254.169.254/latest/meta-data/', 'non-public'],
      ['https://10.1.2.3/hook', 'non-public'],
      ['https://[::1]/hook', 'non-public'],
      ['https://[::ffff:127.0.0.1]/hook', 'non-public'],
      ['https://localhost/hook', 'non-public'],
      ['https://user:pw@tasks.example/hook', 'credentials'],
    ])('refuses %s (422 naming url)', async (url, reason) => {
      const res = await setWebhook(url);
      expect(res.status).toBe(422);
      expect(res.body.message).toContain('url');
      expect(res.body.message).toContain(reason);
    });
  });

  describe('rate limits, shared by every API process through Redis', () => {
    let first: TestApi;
    let second: TestApi;
    const vars = () => ({
      RATE_LIMIT_PREFIX: `spec-${randomUUID().slice(0, 8)}`,
      RATE_LIMIT_WINDOW_S: '60',
      RATE_LIMIT_PER_CALLER: '6',
      RATE_LIMIT_PER_ADDRESS: '40',
      RATE_LIMIT_AUDIT_SCANS: '1',
      RATE_LIMIT_SIGN_IN: '2',
    });

    beforeEach(async () => {
      const v = vars();
      first = await startApiWith(v);
      second = await startApiWith(v);
    });
    afterEach(async () => {
      await first.close();
      await second.close();
    });

    it('holds one caller to its allowance across two processes: 429 with Retry-After', async () => {
      const someone = caller('bureau_head', 'MSIT');
      someone.token = tokenFor('bureau_head', 'MSIT', `head-${randomUUID()}`);
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const url = i % 2 === 0 ? first.url : second.url;
        statuses.push((await call(url, 'GET', '/v1/follow-ups', someone)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
      const refused = await call(first.url, 'GET', '/v1/follow-ups', someone);
      expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // another caller is not held back
      expect((await call(first.url, 'GET', '/v1/follow-ups', msitHead)).status).toBe(200);
    });

    it('allows one full-log audit scan per window per caller', async () => {
      const someone = tokenFor('auditor', undefined, `auditor-${randomUUID()}`);
      expect((await call(first.url, 'GET', '/v1/audit/verify', someone)).status).toBe(200);
      const again = await call(second.url, 'GET', '/v1/audit/verify', someone);
      expect(again.status).toBe(429);
      expect(again.body.message).toContain('audit scans');
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
      const exported = await fetch(`${first.url}/v1/audit/export`, {
        headers: { authorization: `Bearer ${someone}` },
      });
      expect(exported.status).toBe(429);
    });

    it('holds an address to its allowance, token or not, and sign-ins to a small one', async () => {
      const signIns: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${first.url}/admin/queues/session`, { method: 'POST' });
        signIns.push(res.status);
      }
      expect(signIns).toEqual([401, 401, 429]);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        statuses.push((await fetch(`${second.url}/v1/follow-ups`)).status);
      }
      expect(statuses.filter((s) => s === 401).length).toBe(40 - 3);
      expect(statuses.slice(-3)).toEqual([429, 429, 429]);
      const refused = await fetch(`${first.url}/docs-json`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // health probes are never held back
      expect((await fetch(`${first.url}/health/live`)).status).not.toBe(429);
    });
  });
});
