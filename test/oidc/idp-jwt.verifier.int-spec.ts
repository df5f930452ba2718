import { createServer, Server } from 'node:http';
import * as jose from 'jose';
import { TokenError } from '@liaison/platform';
import { IdpJwtVerifier, loadOidcConfig } from '../../libs/identity/src/oidc';
import { OIDC_TEST_RESOURCE, startOidcProvider, TestIdp } from '../support/oidc-provider';

/** Machines' JWTs verified against the JWKS a real OpenID Connect provider publishes. */
const AUDIENCE = OIDC_TEST_RESOURCE;

let idp: TestIdp;
let verifier: IdpJwtVerifier;

function verifierFor(issuer: string, options = {}): IdpJwtVerifier {
  const config = loadOidcConfig({
    NODE_ENV: 'test',
    OIDC_ISSUER: issuer,
    OIDC_API_AUDIENCE: AUDIENCE,
  });
  return new IdpJwtVerifier(config!, { maxLifetimeS: 3600, ...options });
}

const now = () => Math.floor(Date.now() / 1000);
const machine = (claims: jose.JWTPayload = {}): jose.JWTPayload => ({
  sub: 'relay-bot',
  aud: AUDIENCE,
  iat: now(),
  exp: now() + 300,
  role: 'agency_officer',
  agency: 'KISA',
  client_id: 'relay-bot',
  ...claims,
});

async function refusal(token: string, v = verifier): Promise<string> {
  const error = await v.verify(token).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(TokenError);
  return (error as Error).message;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUri: 'http://127.0.0.1:9/cb' });
  verifier = verifierFor(idp.issuer);
});
afterAll(() => idp.close());

describe('IdpJwtVerifier: tokens the IdP signed', () => {
  it.each(['RS256', 'ES256'] as const)(
    'accepts a valid %s token as the caller it names',
    async (alg) => {
      const user = await verifier.verify(await idp.sign(machine(), alg));
      expect(user).toEqual({
        id: 'idp:relay-bot',
        name: 'relay-bot',
        role: 'agency_officer',
        agency: 'KISA',
        via: 'jwt',
      });
    },
  );

  it('never takes a machine for the person whose id its subject spells', async () => {
    const personId = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
    const user = await verifier.verify(await idp.sign(machine({ sub: personId }), 'RS256'));
    expect(user?.id).toBe(`idp:${personId}`);
  });

  it('accepts an access token the IdP itself issued to a machine (client credentials)', async () => {
    const token = await idp.machineToken();
    expect(jose.decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(await verifier.verify(token)).toEqual({
      id: 'idp:relay-bot',
      name: 'relay-bot',
      role: 'agency_officer',
      agency: 'KISA',
      via: 'jwt',
    });
  });

  it('takes a list of roles: the known ones, the first acting', async () => {
    const user = await verifier.verify(
      await idp.sign(machine({ role: ['reader', 'auditor', 'admin'], agency: undefined })),
    );
    expect(user).toMatchObject({ role: 'auditor', roles: ['auditor', 'admin'] });
  });

  it('passes over what is not the IdP’s: no JWT, another issuer', async () => {
    expect(await verifier.verify('lsk_0123456789abcdef')).toBeUndefined();
    expect(await verifier.verify('a.b.c')).toBeUndefined();
    const other = await new jose.SignJWT(machine({ iss: 'https://elsewhere.example' }))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await verifier.verify(other)).toBeUndefined();
  });
});

describe('IdpJwtVerifier: refusals (each a 401 once in the guard chain)', () => {
  it('refuses a token signed by another key, under a known kid or an unknown one', async () => {
    const { privateKey } = await jose.generateKeyPair('RS256');
    const payload = { iss: idp.issuer, ...machine() };
    const sameKid = await new jose.SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: idp.kids.RS256 })
      .sign(privateKey);
    expect(await refusal(sameKid)).toBe('invalid token signature or format');
    const strangerKid = await new jose.SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: 'stranger' })
      .sign(privateKey);
    expect(await refusal(strangerKid)).toBe('no IdP key matches the token');
  });

  it('refuses alg none', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: idp.issuer, ...machine() })}.`;
    expect(await refusal(unsigned)).toBe('token algorithm not allowed');
  });

  it('refuses HS256 "signed" with the IdP’s public key (key confusion)', async () => {
    const publicJwk = await jose.exportJWK(idp.keys.RS256);
    const publicKey = await jose.importJWK(
      { kty: publicJwk.kty, n: publicJwk.n, e: publicJwk.e },
      'RS256',
      { extractable: true },
    );
    const pem = await jose.exportSPKI(publicKey as jose.CryptoKey);
    const forged = await new jose.SignJWT({ iss: idp.issuer, ...machine() })
      .setProtectedHeader({ alg: 'HS256', kid: idp.kids.RS256 })
      .sign(new TextEncoder().encode(pem));
    expect(await refusal(forged)).toBe('token algorithm not allowed');
  });

  it('refuses another audience, an expired token and a token living too long', async () => {
    expect(await refusal(await idp.sign(machine({ aud: 'https://other.example' })))).toBe(
      'claim aud is invalid',
    );
    const expired = machine({ iat: now() - 600, exp: now() - 120 });
    expect(await refusal(await idp.sign(expired))).toBe('token expired');
    const long = machine({ exp: now() + 7200 });
    expect(await refusal(await idp.sign(long))).toBe('token lifetime exceeds 3600 seconds');
  });

  it('refuses a token without exp or iat, without a known role, or an officer without agency', async () => {
    expect(await refusal(await idp.sign(machine({ exp: undefined })))).toBe('claim exp is invalid');
    expect(await refusal(await idp.sign(machine({ iat: undefined })))).toBe('claim iat is invalid');
    expect(await refusal(await idp.sign(machine({ role: 'root' })))).toMatch(/^claim role must/);
    expect(await refusal(await idp.sign(machine({ agency: undefined })))).toBe(
      'claim agency is missing',
    );
    expect(await refusal(await idp.sign(machine({ agency: 'kisa; drop' })))).toBe(
      'claim agency is malformed',
    );
  });

  it('reads the role and agency from the claims OIDC_ROLE_CLAIM and OIDC_AGENCY_CLAIM name', async () => {
    const config = loadOidcConfig({
      NODE_ENV: 'test',
      OIDC_ISSUER: idp.issuer,
      OIDC_API_AUDIENCE: AUDIENCE,
      OIDC_ROLE_CLAIM: 'liaison.roles',
      OIDC_AGENCY_CLAIM: 'liaison_agency',
    });
    const named = new IdpJwtVerifier(config!);
    const token = await idp.sign(
      machine({
        role: undefined,
        agency: undefined,
        liaison: { roles: ['bureau_head'] },
        liaison_agency: 'MSIT',
      }),
      'ES256',
    );
    expect(await named.verify(token)).toMatchObject({ role: 'bureau_head', agency: 'MSIT' });
  });
});

describe('IdpJwtVerifier: keys the IdP rotates', () => {
  let server: Server;
  let keys: jose.JWK[] = [];
  let fetches = 0;
  let issuer = '';

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      } else {
        fetches += 1;
        res.end(JSON.stringify({ keys }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  async function keyPair(kid: string) {
    const { privateKey, publicKey } = await jose.generateKeyPair('ES256');
    return { privateKey, jwk: { ...(await jose.exportJWK(publicKey)), kid, alg: 'ES256' } };
  }
  const signWith = (key: jose.CryptoKey, kid: string) =>
    new jose.SignJWT({ iss: issuer, ...machine() })
      .setProtectedHeader({ alg: 'ES256', kid })
      .sign(key);

  it('accepts a token under a key published after the first fetch, without a restart', async () => {
    const first = await keyPair('2026-01');
    keys = [first.jwk];
    const rotating = verifierFor(issuer, { jwksCooldownMs: 0 });
    expect(await rotating.verify(await signWith(first.privateKey, '2026-01'))).toBeDefined();
    expect(await rotating.verify(await signWith(first.privateKey, '2026-01'))).toBeDefined();
    expect(fetches).toBe(1); // cached

    const second = await keyPair('2026-02');
    keys = [first.jwk, second.jwk];
    expect(await rotating.verify(await signWith(second.privateKey, '2026-02'))).toMatchObject({
      id: 'idp:relay-bot',
    });
    expect(fetches).toBe(2); // the unknown kid made it ask again

    keys = [second.jwk]; // the old key retired: gone once the cache is refreshed
    const third = await keyPair('2026-03');
    keys = [second.jwk, third.jwk];
    expect(await rotating.verify(await signWith(third.privateKey, '2026-03'))).toBeDefined();
    expect(await refusal(await signWith(first.privateKey, '2026-01'), rotating)).toBe(
      'no IdP key matches the token',
    );
  });

  it('refuses with "IdP keys unavailable" while the IdP cannot be reached', async () => {
    const down = verifierFor('http://127.0.0.1:9');
    const token = await new jose.SignJWT({ iss: 'http://127.0.0.1:9', ...machine() })
      .setProtectedHeader({ alg: 'ES256', kid: 'x' })
      .sign((await keyPair('x')).privateKey);
    expect(await refusal(token, down)).toBe('IdP keys unavailable');
  });
});
