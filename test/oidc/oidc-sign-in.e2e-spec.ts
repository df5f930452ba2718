import { randomUUID } from 'node:crypto';
import * as jose from 'jose';
import { Pool } from 'pg';
import { DirectoryCommands, systemMeta } from '@liaison/directory';
import { PG_POOL } from '@liaison/platform';
import { startTestApi, TestApi } from '../support/api';
import { freePort } from '../support/free-port';
import {
  OIDC_TEST_CLIENT,
  OIDC_TEST_RESOURCE,
  startOidcProvider,
  TestIdp,
} from '../support/oidc-provider';
import { Browser } from './browser';

/**
 * Signing in through a real OpenID Connect provider, end to end: the browser's redirects
 * followed one by one through the real API and the provider, cookies carried as a browser
 * would; then the session works on /v1/me. Each attack is refused with a redirect to the web
 * app's sign-in page naming the error, and no session cookie.
 */
const AUDIENCE = OIDC_TEST_RESOURCE;
const OIDC_ENV = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_API_AUDIENCE'];

let api: TestApi;
let idp: TestIdp;
let callback: string;
const suffix = randomUUID().slice(0, 8);
const alice = { sub: `alice-${suffix}`, login: `alice.${suffix}` };
const gone = { sub: `gone-${suffix}`, login: `gone.${suffix}` };
let aliceId: string;

async function register(person: { sub: string; login: string }): Promise<string> {
  const { personId } = await api.app.get(DirectoryCommands).registerPerson(
    {
      login: person.login,
      displayName: { ko: '앨리스', en: 'Alice' },
      email: `${person.login}@kisa.example`,
      agency: 'KISA',
      roles: ['agency_officer'],
      oidcSubject: person.sub,
    },
    systemMeta('oidc-e2e'),
  );
  return personId;
}

/** Starts a sign-in in `browser` and follows it through the IdP to the callback (not visited). */
async function toCallback(browser: Browser, returnTo = '/inbox'): Promise<string> {
  const start = await browser.visit(
    `${api.url}/v1/session/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
  );
  expect(start.status).toBe(302);
  return browser.followUntil(start.location!, callback);
}

function expectRefused(visit: { status: number; location?: string }, code: string): void {
  expect(visit.status).toBe(302);
  expect(visit.location).toBe(`${api.url}/sign-in?error=${code}`);
}

describe('OIDC not configured', () => {
  it('answers 404 on its routes', async () => {
    for (const name of OIDC_ENV) delete process.env[name];
    const bare = await startTestApi();
    try {
      for (const path of ['', '/start', '/callback']) {
        const res = await fetch(`${bare.url}/v1/session/oidc${path}`, { redirect: 'manual' });
        expect(res.status).toBe(404);
      }
    } finally {
      await bare.close();
    }
  });
});

describe('OIDC sign-in through the API', () => {
  beforeAll(async () => {
    const idpPort = await freePort();
    Object.assign(process.env, {
      OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
      OIDC_CLIENT_ID: OIDC_TEST_CLIENT.clientId,
      OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.clientSecret,
      OIDC_API_AUDIENCE: AUDIENCE,
    });
    api = await startTestApi();
    callback = `${api.url}/v1/session/oidc/callback`;
    idp = await startOidcProvider({ redirectUri: callback, port: idpPort });
    aliceId = await register(alice);
    const goneId = await register(gone);
    await api.app.get(DirectoryCommands).deactivate(goneId, 'left', systemMeta('oidc-e2e'));
  });

  afterAll(async () => {
    await api?.close();
    await idp?.close();
    for (const name of OIDC_ENV) delete process.env[name];
  });

  it('tells the web app that the IdP sign-in is there, and where it starts', async () => {
    const res = await fetch(`${api.url}/v1/session/oidc`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ start: '/v1/session/oidc/start' });
  });

  it('signs a known person in: PKCE to the IdP, back to returnTo with a session for /v1/me', async () => {
    const browser = new Browser();
    const start = await browser.visit(
      `${api.url}/v1/session/oidc/start?returnTo=%2Finbox%3Fscope%3Dmine`,
    );
    expect(start.status).toBe(302);
    const authorization = new URL(start.location!);
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('redirect_uri')).toBe(callback);
    expect(start.setCookies).toEqual([
      expect.stringMatching(
        /^liaison_oidc=[\w-]{43}; Path=\/v1\/session\/oidc; Max-Age=600; HttpOnly; SameSite=Lax$/,
      ),
    ]);

    idp.signInAs({ sub: alice.sub });
    const done = await browser.visit(await browser.followUntil(start.location!, callback));
    expect(done.status).toBe(302);
    expect(done.location).toBe(`${api.url}/inbox?scope=mine`);
    expect(browser.cookie('liaison_session')).toBeDefined();
    expect(browser.cookie('liaison_oidc')).toBeUndefined(); // spent

    const me = await browser.visit(`${api.url}/v1/me`);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.text)).toMatchObject({
      person: { id: aliceId, login: alice.login, agency: 'KISA', roles: ['agency_officer'] },
    });
  });

  it('records the sign-in as a security event of the person', async () => {
    const pool = api.app.get<Pool>(PG_POOL);
    const { rows } = await pool.query(
      `SELECT type, data FROM events WHERE stream_id = $1 ORDER BY version`,
      [`security-person-${aliceId}`],
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        type: 'SignedIn',
        data: expect.objectContaining({ method: 'oidc' }),
      }),
    );
  });

  it('refuses a tampered state', async () => {
    const browser = new Browser();
    idp.signInAs({ sub: alice.sub });
    const url = new URL(await toCallback(browser));
    url.searchParams.set('state', `${url.searchParams.get('state')}A`);
    expectRefused(await browser.visit(url.toString()), 'oidc_state');
    expect(browser.cookie('liaison_session')).toBeUndefined();
  });

  it('refuses a replayed callback, and a used code under a fresh state', async () => {
    const browser = new Browser();
    idp.signInAs({ sub: alice.sub });
    const first = await toCallback(browser);
    expect((await browser.visit(first)).location).toBe(`${api.url}/inbox`);

    const attacker = new Browser();
    expectRefused(await attacker.visit(first), 'oidc_state');
    expectRefused(await browser.visit(first), 'oidc_state');

    // A new flow, its own state and cookie, carrying the code already exchanged.
    const fresh = new URL(await toCallback(attacker));
    fresh.searchParams.set('code', new URL(first).searchParams.get('code')!);
    expectRefused(await attacker.visit(fresh.toString()), 'oidc_failed');
    expect(attacker.cookie('liaison_session')).toBeUndefined();
  });

  it('refuses a code issued for another nonce', async () => {
    const browser = new Browser();
    idp.signInAs({ sub: alice.sub });
    const start = await browser.visit(`${api.url}/v1/session/oidc/start`);
    const authorization = new URL(start.location!);
    authorization.searchParams.set('nonce', 'not-the-nonce-the-api-stored');
    const back = await browser.followUntil(authorization.toString(), callback);
    expectRefused(await browser.visit(back), 'oidc_failed');
    expect(browser.cookie('liaison_session')).toBeUndefined();
  });

  it('refuses a callback in a browser that did not start the flow (no binding cookie)', async () => {
    const browser = new Browser();
    idp.signInAs({ sub: alice.sub });
    const back = await toCallback(browser);
    browser.dropCookie('liaison_oidc');
    expectRefused(await browser.visit(back), 'oidc_state');
  });

  it('refuses when the IdP answers with an error (the person cancelled at the IdP)', async () => {
    const browser = new Browser();
    const start = await browser.visit(`${api.url}/v1/session/oidc/start`);
    const state = new URL(start.location!).searchParams.get('state')!;
    const back = `${callback}?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`;
    expectRefused(await browser.visit(back), 'oidc_denied');
    expect(browser.cookie('liaison_session')).toBeUndefined();
  });

  it('refuses an unknown subject and records the failure with the subject', async () => {
    const browser = new Browser();
    const stranger = `stranger-${suffix}`;
    idp.signInAs({ sub: stranger });
    expectRefused(await browser.visit(await toCallback(browser)), 'unknown_person');
    expect(browser.cookie('liaison_session')).toBeUndefined();
    const { rows } = await api.app
      .get<Pool>(PG_POOL)
      .query(`SELECT type FROM events WHERE type = 'SignInFailed' AND data->>'subject' = $1`, [
        stranger,
      ]);
    expect(rows).toHaveLength(1);
  });

  it('refuses a deactivated person', async () => {
    const browser = new Browser();
    idp.signInAs({ sub: gone.sub });
    expectRefused(await browser.visit(await toCallback(browser)), 'inactive_person');
    expect(browser.cookie('liaison_session')).toBeUndefined();
  });

  it('refuses a returnTo that leaves the site with 400 naming returnTo', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example']) {
      const res = await fetch(
        `${api.url}/v1/session/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
        { redirect: 'manual' },
      );
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ details: [{ field: 'returnTo' }] });
    }
  });

  describe('machine JWTs from the IdP, through the AuthGuard', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const claims = (extra: Record<string, unknown> = {}) => ({
      sub: 'relay-bot',
      aud: AUDIENCE,
      iat: now(),
      exp: now() + 300,
      role: 'agency_officer',
      agency: 'KISA',
      ...extra,
    });
    const agencies = (token: string) =>
      fetch(`${api.url}/v1/agencies`, { headers: { authorization: `Bearer ${token}` } });

    it("accepts the IdP's own client-credentials token, and RS256 and ES256 tokens it signed", async () => {
      expect((await agencies(await idp.machineToken())).status).toBe(200);
      expect((await agencies(await idp.sign(claims(), 'RS256'))).status).toBe(200);
      expect((await agencies(await idp.sign(claims(), 'ES256'))).status).toBe(200);
    });

    it('answers 401 to another audience, an expired token, alg none and HS256 with the public key', async () => {
      const wrongAudience = await idp.sign(claims({ aud: 'https://other.example' }));
      const expired = await idp.sign(claims({ iat: now() - 900, exp: now() - 300 }));
      const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const none = `${b64({ alg: 'none' })}.${b64({ iss: idp.issuer, ...claims() })}.`;
      const publicJwk = await jose.exportJWK(idp.keys.RS256);
      const publicKey = await jose.importJWK(
        { kty: publicJwk.kty, n: publicJwk.n, e: publicJwk.e },
        'RS256',
        { extractable: true },
      );
      const pem = await jose.exportSPKI(publicKey as jose.CryptoKey);
      const confused = await new jose.SignJWT({ iss: idp.issuer, ...claims() })
        .setProtectedHeader({ alg: 'HS256', kid: idp.kids.RS256 })
        .sign(new TextEncoder().encode(pem));
      for (const token of [wrongAudience, expired, none, confused]) {
        expect((await agencies(token)).status).toBe(401);
      }
    });
  });
});
