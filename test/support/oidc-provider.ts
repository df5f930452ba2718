import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import * as jose from 'jose';
import { freePort } from './free-port';

export const OIDC_TEST_CLIENT = {
  clientId: 'liaison-api',
  clientSecret: 'liaison-oidc-test-client-secret-0123456789',
};

/** A machine client (client credentials) whose access tokens are JWTs for `OIDC_TEST_RESOURCE`,
 * carrying the role and agency claims the IdP is configured to add. */
export const OIDC_TEST_MACHINE = {
  clientId: 'relay-bot',
  clientSecret: 'relay-bot-test-secret-0123456789abcdef',
  claims: { role: 'agency_officer', agency: 'KISA' },
};
export const OIDC_TEST_RESOURCE = 'https://liaison.test/api';

/** An account of the test IdP: its subject and the claims it releases. */
export interface TestAccount {
  sub: string;
  preferred_username?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestIdp {
  issuer: string;
  /** The key pairs the IdP signs with (and publishes in its JWKS), by algorithm. */
  keys: { RS256: jose.CryptoKey; ES256: jose.CryptoKey };
  kids: { RS256: string; ES256: string };
  /** The account the next login interaction signs in (there is no login form). */
  signInAs(account: TestAccount): void;
  /** An access token the IdP issues to OIDC_TEST_MACHINE (client credentials, JWT format). */
  machineToken(): Promise<string>;
  /** Signs a JWT as the IdP would for a machine (iss set; the rest is the caller's). */
  sign(claims: jose.JWTPayload, alg?: 'RS256' | 'ES256'): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on an ephemeral port, with one
 * confidential client whose redirect URI is `redirectUri`. Its interactions are answered by a
 * tiny handler instead of HTML forms: the login prompt signs in the account named by
 * `signInAs`, the consent prompt grants what was asked.
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  port?: number;
}): Promise<TestIdp> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const rsa = await jose.generateKeyPair('RS256', { extractable: true });
  const ec = await jose.generateKeyPair('ES256', { extractable: true });
  const kids = { RS256: `rs-${port}`, ES256: `es-${port}` };
  const jwks = {
    keys: [
      { ...(await jose.exportJWK(rsa.privateKey)), kid: kids.RS256, alg: 'RS256', use: 'sig' },
      { ...(await jose.exportJWK(ec.privateKey)), kid: kids.ES256, alg: 'ES256', use: 'sig' },
    ],
  };
  const accounts = new Map<string, TestAccount>();
  let next: TestAccount | undefined;

  const { default: Provider } = await quietly(() => import('oidc-provider'));
  const provider = await quietly(
    () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: OIDC_TEST_CLIENT.clientId,
            client_secret: OIDC_TEST_CLIENT.clientSecret,
            redirect_uris: [options.redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
          {
            client_id: OIDC_TEST_MACHINE.clientId,
            client_secret: OIDC_TEST_MACHINE.clientSecret,
            grant_types: ['client_credentials'],
            response_types: [],
            redirect_uris: [],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        jwks,
        pkce: { required: () => true },
        features: {
          devInteractions: { enabled: false },
          clientCredentials: { enabled: true },
          resourceIndicators: {
            enabled: true,
            defaultResource: () => OIDC_TEST_RESOURCE,
            useGrantedResource: () => true,
            getResourceServerInfo: (_ctx: unknown, resource: string) => {
              if (resource !== OIDC_TEST_RESOURCE) throw new Error(`unknown resource ${resource}`);
              return {
                scope: 'api',
                audience: OIDC_TEST_RESOURCE,
                accessTokenTTL: 300,
                accessTokenFormat: 'jwt',
                jwt: { sign: { alg: 'ES256' } },
              };
            },
          },
        },
        extraTokenClaims: (_ctx: unknown, token: { clientId?: string }) =>
          token.clientId === OIDC_TEST_MACHINE.clientId ? OIDC_TEST_MACHINE.claims : undefined,
        claims: {
          openid: ['sub'],
          profile: ['name', 'preferred_username'],
          email: ['email', 'email_verified'],
        },
        interactions: {
          url: (_ctx: unknown, interaction: { uid: string }) => `/i/${interaction.uid}`,
        },
        findAccount: (_ctx: unknown, id: string) => {
          const account = accounts.get(id);
          return account && { accountId: id, claims: () => ({ ...account }) };
        },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
        cookies: { keys: ['oidc-test-cookie-key-0123456789abcdef'] },
      }),
  );
  const callback = provider.callback();

  async function interact(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      if (!next) throw new Error('signInAs() was not called before the login');
      accounts.set(next.sub, next);
      await provider.interactionFinished(req, res, { login: { accountId: next.sub } });
      return;
    }
    const grant = new provider.Grant({
      accountId: details.session?.accountId,
      clientId: details.params.client_id as string,
    });
    grant.addOIDCScope(details.params.scope as string);
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/i/')) {
      interact(req, res).catch((err: Error) => {
        res.statusCode = 500;
        res.end(err.message);
      });
    } else {
      callback(req, res);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    issuer,
    keys: { RS256: rsa.privateKey, ES256: ec.privateKey },
    kids,
    signInAs: (account) => {
      next = account;
    },
    machineToken: async () => {
      const basic = Buffer.from(
        `${OIDC_TEST_MACHINE.clientId}:${OIDC_TEST_MACHINE.clientSecret}`,
      ).toString('base64');
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          scope: 'api',
          resource: OIDC_TEST_RESOURCE,
        }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`no access token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    sign: (claims, alg = 'RS256') =>
      new jose.SignJWT({ iss: issuer, ...claims })
        .setProtectedHeader({ alg, kid: kids[alg], typ: 'JWT' })
        .sign(alg === 'RS256' ? rsa.privateKey : ec.privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** oidc-provider warns about Node 20 and development settings on the console: not news here. */
async function quietly<T>(make: () => T | Promise<T>): Promise<T> {
  const { warn, info } = console;
  console.warn = () => undefined;
  console.info = () => undefined;
  try {
    return await make();
  } finally {
    console.warn = warn;
    console.info = info;
  }
}
