import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import {
  loadOidcConfig,
  OidcFlowStore,
  OidcPerson,
  OidcSignIn,
  OidcSignInError,
} from '../../libs/identity/src/oidc';
import { OIDC_TEST_CLIENT, startOidcProvider, TestIdp } from '../support/oidc-provider';
import { Browser } from './browser';

/**
 * The sign-in service against a real OpenID Connect provider and the real Redis, with the
 * directory stood in by a map (the API end to end is oidc-sign-in.e2e-spec.ts).
 */
const REDIRECT = 'http://127.0.0.1:9/v1/session/oidc/callback';

let idp: TestIdp;
let redis: Redis;
const people = new Map<string, OidcPerson>();
const logins = new Map<string, OidcPerson>();
const directory = {
  byOidcSubject: async (s: string) => people.get(s),
  byLogin: async (l: string) => logins.get(l),
};

function signIn(env: Record<string, string> = {}): OidcSignIn {
  const config = loadOidcConfig({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: OIDC_TEST_CLIENT.clientId,
    OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.clientSecret,
    NODE_ENV: 'test',
    ...env,
  });
  return new OidcSignIn(config!, new OidcFlowStore(redis), directory);
}

/** Starts a sign-in in `browser` and walks the IdP to the callback URL (not visited). */
async function toCallback(service: OidcSignIn, browser: Browser, returnTo = '/') {
  const { authorizationUrl, binding } = await service.begin(returnTo, REDIRECT);
  const callback = await browser.followUntil(authorizationUrl.toString(), REDIRECT);
  return { callback: new URL(callback), binding, authorizationUrl };
}

async function refusal(promise: Promise<unknown>): Promise<OidcSignInError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(OidcSignInError);
  return error as OidcSignInError;
}

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUri: REDIRECT });
  redis = new Redis('redis://127.0.0.1:6379');
  people.set('alice-sub', { id: 'p-alice', active: true });
  people.set('gone-sub', { id: 'p-gone', active: false });
  logins.set('bob', { id: 'p-bob', active: true });
});

afterAll(async () => {
  await idp.close();
  redis.disconnect();
});

describe('OIDC sign-in against a real provider', () => {
  it('given a known subject, the code flow with PKCE ends with the person and returnTo', async () => {
    const service = signIn();
    idp.signInAs({ sub: 'alice-sub' });
    const { callback, binding, authorizationUrl } = await toCallback(
      service,
      new Browser(),
      '/inbox',
    );
    const params = authorizationUrl.searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('response_type')).toBe('code');
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    const result = await service.complete(callback.searchParams, binding);
    expect(result).toEqual({
      person: { id: 'p-alice', active: true },
      subject: 'alice-sub',
      returnTo: '/inbox',
    });
  });

  it('refuses a tampered state, a replayed callback and another browser', async () => {
    const service = signIn();
    idp.signInAs({ sub: 'alice-sub' });
    const { callback, binding } = await toCallback(service, new Browser());
    const tampered = new URLSearchParams(callback.searchParams);
    tampered.set('state', `${tampered.get('state')}x`);
    expect((await refusal(service.complete(tampered, binding))).code).toBe('oidc_state');

    await service.complete(callback.searchParams, binding);
    const replay = await refusal(service.complete(callback.searchParams, binding));
    expect(replay.code).toBe('oidc_state');

    const other = await toCallback(service, new Browser());
    const stolen = await refusal(service.complete(other.callback.searchParams, 'another-browser'));
    expect(stolen.code).toBe('oidc_state');
  });

  it('refuses a code issued for another nonce (the authorization request tampered)', async () => {
    const service = signIn();
    idp.signInAs({ sub: 'alice-sub' });
    const browser = new Browser();
    const { authorizationUrl, binding } = await service.begin('/', REDIRECT);
    // Same state and PKCE challenge, so only the nonce can tell.
    authorizationUrl.searchParams.set('nonce', 'a-nonce-the-server-never-issued');
    const callback = new URL(await browser.followUntil(authorizationUrl.toString(), REDIRECT));
    const error = await refusal(service.complete(callback.searchParams, binding));
    expect(error.code).toBe('oidc_failed');
    expect(error.reason).toMatch(/nonce/);
  });

  it('refuses a code exchanged without the matching PKCE verifier', async () => {
    const service = signIn();
    idp.signInAs({ sub: 'alice-sub' });
    const browser = new Browser();
    const first = await toCallback(service, browser);
    const second = await toCallback(service, browser);
    // The second flow's state and cookie, the first flow's code.
    const swapped = new URLSearchParams(second.callback.searchParams);
    swapped.set('code', first.callback.searchParams.get('code')!);
    const error = await refusal(service.complete(swapped, second.binding));
    expect(error.code).toBe('oidc_failed');
  });

  it('refuses an unknown subject and a deactivated person', async () => {
    const service = signIn();
    idp.signInAs({ sub: 'stranger-sub' });
    const unknown = await toCallback(service, new Browser());
    const error = await refusal(service.complete(unknown.callback.searchParams, unknown.binding));
    expect(error).toMatchObject({ code: 'unknown_person', subject: 'stranger-sub' });

    idp.signInAs({ sub: 'gone-sub' });
    const gone = await toCallback(service, new Browser());
    expect((await refusal(service.complete(gone.callback.searchParams, gone.binding))).code).toBe(
      'inactive_person',
    );
  });

  it('maps another claim (OIDC_SUBJECT_CLAIM) to the login, from userinfo if need be', async () => {
    const service = signIn({ OIDC_SUBJECT_CLAIM: 'preferred_username' });
    idp.signInAs({ sub: 'opaque-1', preferred_username: 'Bob' });
    const { callback, binding } = await toCallback(service, new Browser());
    const result = await service.complete(callback.searchParams, binding);
    expect(result.person.id).toBe('p-bob');
    expect(result.subject).toBe('Bob');
  });

  it('refuses when the configured claim is missing from the token and userinfo, never trying the login', async () => {
    const service = signIn({ OIDC_SUBJECT_CLAIM: 'email' });
    // `sub` is someone's login: a fallback to the login (or to `sub`) would sign Bob in
    idp.signInAs({ sub: 'bob' });
    const { callback, binding } = await toCallback(service, new Browser());
    const error = await refusal(service.complete(callback.searchParams, binding));
    // refused: the claim is in neither (this IdP's userinfo refuses its resource-bound access
    // token, so the refusal is oidc_failed; an IdP whose userinfo answers gives unknown_person)
    expect(['unknown_person', 'oidc_failed']).toContain(error.code);
    expect(error.message).toMatch(/claim email is missing|userinfo/);
  });

  it('refuses an email the IdP has not verified', async () => {
    const service = signIn({ OIDC_SUBJECT_CLAIM: 'email' });
    logins.set('carol@example.go.kr', { id: 'p-carol', active: true });
    idp.signInAs({ sub: 'opaque-2', email: 'carol@example.go.kr', email_verified: false });
    const { callback, binding } = await toCallback(service, new Browser());
    expect((await refusal(service.complete(callback.searchParams, binding))).code).toBe(
      'unknown_person',
    );
  });

  it('given an IdP that is down, begin refuses with oidc_unavailable', async () => {
    const down = loadOidcConfig({
      NODE_ENV: 'test',
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_ID: 'c',
      OIDC_CLIENT_SECRET: 's',
    });
    const service = new OidcSignIn(down!, new OidcFlowStore(redis), directory);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect((await refusal(service.begin('/', REDIRECT))).code).toBe('oidc_unavailable');
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ issuer: 'http://127.0.0.1:9' }),
      'OIDC discovery failed',
    );
    logged.mockRestore();
  });
});
