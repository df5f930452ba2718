import { ConfigError, Env, nodeEnvOf } from '@liaison/platform';

/** People signing in through the IdP (authorization code + PKCE). */
export interface OidcSignInConfig {
  clientId: string;
  clientSecret: string;
  /** Where the IdP sends the browser back; derived from the request when unset. */
  redirectUrl?: string;
  /** The claim whose value names the person: `sub` (matched to people.oidc_subject) or another
   * (matched to oidc_subject, then to the login). */
  subjectClaim: string;
  scopes: string;
}

/** Machines calling with a JWT the IdP issued (verified against its JWKS). */
export interface OidcMachineConfig {
  audience: string;
  roleClaim: string;
  agencyClaim: string;
}

export interface OidcConfig {
  issuer: string;
  /** http issuers are accepted outside production only (a test or a local IdP). */
  allowInsecure: boolean;
  signIn?: OidcSignInConfig;
  machine?: OidcMachineConfig;
}

/** Sign-in needs these three together: one without the others is a typo, not a choice. */
const SIGN_IN_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
const SIGN_IN_OPTIONAL = ['OIDC_REDIRECT_URL', 'OIDC_SUBJECT_CLAIM', 'OIDC_SCOPES'] as const;
const MACHINE_OPTIONAL = ['OIDC_ROLE_CLAIM', 'OIDC_AGENCY_CLAIM'] as const;
const CLAIM = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

const set = (env: Env, name: string): string | undefined =>
  env[name] === undefined || env[name] === '' ? undefined : env[name];

function httpUrl(env: Env, name: string, allowInsecure: boolean): string {
  const raw = env[name] as string;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a URL (got "${raw}")`);
  }
  if (url.protocol !== 'https:' && !(allowInsecure && url.protocol === 'http:')) {
    throw new ConfigError(
      name,
      allowInsecure ? `must use http: or https: (got "${url.protocol}")` : 'must use https:',
    );
  }
  if (url.search || url.hash) throw new ConfigError(name, 'must have no query or fragment');
  return raw;
}

function claim(env: Env, name: string, fallback: string): string {
  const value = set(env, name) ?? fallback;
  if (!CLAIM.test(value)) throw new ConfigError(name, `is not a claim name (got "${value}")`);
  return value;
}

/**
 * OpenID Connect settings, validated at boot. Undefined when no OIDC_* variable is set: the
 * routes answer 404 and IdP tokens are not accepted. A half-done configuration fails naming the
 * variable that is missing, never silently turns the feature off.
 */
export function loadOidcConfig(env: Env = process.env): OidcConfig | undefined {
  const anySignIn = [...SIGN_IN_REQUIRED.slice(1), ...SIGN_IN_OPTIONAL].find((n) => set(env, n));
  const anyMachine = ['OIDC_API_AUDIENCE', ...MACHINE_OPTIONAL].find((n) => set(env, n));
  if (!set(env, 'OIDC_ISSUER')) {
    const stray = anySignIn ?? anyMachine;
    if (stray) throw new ConfigError('OIDC_ISSUER', `is required when ${stray} is set`);
    return undefined;
  }
  const allowInsecure = nodeEnvOf(env) !== 'production';
  const issuer = httpUrl(env, 'OIDC_ISSUER', allowInsecure);
  const config: OidcConfig = { issuer, allowInsecure };

  if (anySignIn || !anyMachine) {
    for (const name of SIGN_IN_REQUIRED) {
      if (!set(env, name)) {
        throw new ConfigError(name, `is required with ${SIGN_IN_REQUIRED.join(', ')}`);
      }
    }
    config.signIn = {
      clientId: env.OIDC_CLIENT_ID as string,
      clientSecret: env.OIDC_CLIENT_SECRET as string,
      redirectUrl: set(env, 'OIDC_REDIRECT_URL')
        ? httpUrl(env, 'OIDC_REDIRECT_URL', allowInsecure)
        : undefined,
      subjectClaim: claim(env, 'OIDC_SUBJECT_CLAIM', 'sub'),
      scopes: scopes(env),
    };
  }
  if (anyMachine) {
    if (!set(env, 'OIDC_API_AUDIENCE')) {
      throw new ConfigError('OIDC_API_AUDIENCE', `is required when ${anyMachine} is set`);
    }
    // The ID tokens people's sign-ins receive are addressed to the client: were that the API's
    // audience, every such token (from a browser's history, a log) would pass as an API token.
    if (env.OIDC_API_AUDIENCE === config.signIn?.clientId) {
      throw new ConfigError('OIDC_API_AUDIENCE', 'must differ from OIDC_CLIENT_ID');
    }
    config.machine = {
      audience: env.OIDC_API_AUDIENCE as string,
      roleClaim: claim(env, 'OIDC_ROLE_CLAIM', 'role'),
      agencyClaim: claim(env, 'OIDC_AGENCY_CLAIM', 'agency'),
    };
  }
  return config;
}

function scopes(env: Env): string {
  const value = set(env, 'OIDC_SCOPES') ?? 'openid profile email';
  const list = value.split(/\s+/).filter(Boolean);
  if (!list.includes('openid')) throw new ConfigError('OIDC_SCOPES', 'must include openid');
  return list.join(' ');
}
