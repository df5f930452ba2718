import { Logger } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { UserRole } from '@liaison/platform';
import { OidcConfig, OidcSignInConfig } from './oidc.config';
import { OidcFlowStore } from './oidc-flow.store';

/** A person of the directory as the sign-in needs them. */
export interface OidcPerson {
  id: string;
  active: boolean;
  agency?: string;
  roles?: readonly UserRole[];
}

/** The directory's lookups the sign-in uses (`PeopleReader` of `@liaison/directory`). */
export interface OidcPeopleLookup {
  byOidcSubject(subject: string): Promise<OidcPerson | null | undefined>;
  byLogin(login: string): Promise<OidcPerson | null | undefined>;
}

/**
 * Why a sign-in was refused. `code` goes to the browser (`/sign-in?error=<code>`) and is the
 * same for every cause of one kind; `reason` is for the log and the security event only.
 */
export type OidcRefusal =
  | 'oidc_unavailable' // the IdP cannot be reached or described itself wrongly
  | 'oidc_state' // unknown, expired, replayed or tampered state, or another browser
  | 'oidc_denied' // the IdP answered with an error (the person cancelled, say)
  | 'oidc_failed' // code exchange or ID token check failed (PKCE, nonce, issuer, audience…)
  | 'unknown_person' // nobody in the directory has this subject
  | 'inactive_person'; // deactivated

export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcRefusal,
    readonly reason: string,
    /** The IdP's subject, once known: for the security event. */
    readonly subject?: string,
    /** The person refused, when there is one (deactivated). */
    readonly personId?: string,
  ) {
    super(`OIDC sign-in refused (${code}): ${reason}`);
    this.name = 'OidcSignInError';
  }
}

export interface OidcSignInStart {
  /** Where to send the browser. */
  authorizationUrl: URL;
  /** The browser-binding value for the flow cookie. */
  binding: string;
}

export interface OidcSignInResult<P extends OidcPerson = OidcPerson> {
  person: P;
  subject: string;
  returnTo: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * OpenID Connect sign-in: the authorization code flow with PKCE (S256), `state` and `nonce`
 * checked, through openid-client. The state, nonce and PKCE verifier never leave the server
 * (OidcFlowStore); the browser holds only a binding cookie.
 */
export class OidcSignIn {
  private readonly logger = new Logger('OidcSignIn');
  private configuration?: Promise<client.Configuration>;
  private readonly settings: OidcSignInConfig;

  constructor(
    private readonly config: OidcConfig,
    private readonly flows: OidcFlowStore,
    private readonly people: OidcPeopleLookup,
  ) {
    if (!config.signIn) throw new Error('OidcSignIn needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
    this.settings = config.signIn;
  }

  /** The configured redirect URL, or `derived` (from the request) when none is. */
  redirectUri(derived: string): string {
    return this.settings.redirectUrl ?? derived;
  }

  async begin(returnTo: string, redirectUri: string): Promise<OidcSignInStart> {
    const configuration = await this.client();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const binding = randomBytes(32).toString('base64url');
    await this.flows.put(state, {
      codeVerifier,
      nonce,
      returnTo,
      redirectUri,
      binding: sha256(binding).toString('base64url'),
    });
    const authorizationUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { authorizationUrl, binding };
  }

  /**
   * The callback: `query` is what the IdP put on the redirect URL, `binding` the flow cookie.
   * Throws OidcSignInError for every refusal.
   */
  async complete(query: URLSearchParams, binding: string | undefined): Promise<OidcSignInResult> {
    const state = query.get('state');
    if (!state) throw new OidcSignInError('oidc_state', 'the callback carries no state');
    // Taken (and so deleted) before anything else is checked: a state is good for one try.
    const flow = await this.flows.take(state);
    if (!flow) throw new OidcSignInError('oidc_state', 'unknown, expired or used state');
    const expected = Buffer.from(flow.binding, 'base64url');
    if (binding === undefined || !timingSafeEqual(sha256(binding), expected)) {
      throw new OidcSignInError('oidc_state', 'the flow was started in another browser');
    }
    const idpError = query.get('error');
    if (idpError) {
      throw new OidcSignInError('oidc_denied', `the IdP answered ${idpError.slice(0, 64)}`);
    }
    const configuration = await this.client();
    const currentUrl = new URL(flow.redirectUri);
    currentUrl.search = query.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        expectedState: state,
        expectedNonce: flow.nonce,
        pkceCodeVerifier: flow.codeVerifier,
        idTokenExpected: true,
      });
    } catch (err) {
      throw new OidcSignInError('oidc_failed', describe(err));
    }
    const subject = await this.subjectOf(configuration, tokens);
    const person = await this.personFor(subject);
    return { person, subject, returnTo: flow.returnTo };
  }

  /** The value of the configured claim, from the ID token or else from the userinfo endpoint. */
  private async subjectOf(
    configuration: client.Configuration,
    tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>,
  ): Promise<string> {
    const claims = tokens.claims();
    if (!claims) throw new OidcSignInError('oidc_failed', 'no ID token');
    const name = this.settings.subjectClaim;
    let source: Record<string, unknown> = claims;
    if (name !== 'sub' && claims[name] === undefined) {
      try {
        source = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      } catch (err) {
        throw new OidcSignInError('oidc_failed', `userinfo: ${describe(err)}`, claims.sub);
      }
    }
    const value = source[name];
    if (typeof value !== 'string' || value === '') {
      throw new OidcSignInError('unknown_person', `claim ${name} is missing`, claims.sub);
    }
    // An address the IdP has not verified proves nothing about who signs in.
    if (name === 'email' && source.email_verified !== true) {
      throw new OidcSignInError('unknown_person', 'email is not verified by the IdP', value);
    }
    return value;
  }

  /** `sub` names people by their oidc_subject; another claim by that, then by their login. */
  private async personFor(subject: string): Promise<OidcPerson> {
    let person = await this.people.byOidcSubject(subject);
    if (!person && this.settings.subjectClaim !== 'sub') {
      person = await this.people.byLogin(subject.toLowerCase());
    }
    if (!person) throw new OidcSignInError('unknown_person', 'no person has this subject', subject);
    if (!person.active) {
      throw new OidcSignInError('inactive_person', 'deactivated', subject, person.id);
    }
    return person;
  }

  /** Discovery once, at first use (the API boots while the IdP is down); again after a failure. */
  private client(): Promise<client.Configuration> {
    if (!this.configuration) {
      const { issuer, allowInsecure } = this.config;
      this.configuration = client
        .discovery(
          new URL(issuer),
          this.settings.clientId,
          { client_secret: this.settings.clientSecret },
          // Basic is what OpenID Connect assumes when a client names no method.
          client.ClientSecretBasic(this.settings.clientSecret),
          issuer.startsWith('http:') && allowInsecure
            ? { execute: [client.allowInsecureRequests] }
            : undefined,
        )
        .catch((err: unknown) => {
          this.configuration = undefined;
          this.logger.error({ issuer, reason: describe(err) }, 'OIDC discovery failed');
          throw new OidcSignInError('oidc_unavailable', `discovery: ${describe(err)}`);
        });
    }
    return this.configuration;
  }
}

/** The error and its causes in one line: openid-client wraps the precise check that failed
 * (`unexpected ID Token "nonce" claim value`) as the cause of a general one. */
function describe(err: unknown): string {
  const parts: string[] = [];
  for (let e = err, depth = 0; e !== undefined && depth < 3; depth += 1) {
    if (e instanceof client.ResponseBodyError) {
      parts.push(`${e.error}: ${e.error_description ?? ''}`);
    } else if (e instanceof Error) {
      parts.push(e.message);
    } else {
      parts.push(String(e));
    }
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join(' <- ').slice(0, 300);
}
