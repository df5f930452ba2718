import { ConfigError } from '@liaison/platform';
import { loadOidcConfig } from './oidc.config';

const SIGN_IN = {
  OIDC_ISSUER: 'https://sso.gov.example/realms/ministry',
  OIDC_CLIENT_ID: 'liaison',
  OIDC_CLIENT_SECRET: 'a-secret',
};

describe('loadOidcConfig', () => {
  it('is off (undefined) when no OIDC variable is set', () => {
    expect(loadOidcConfig({})).toBeUndefined();
    expect(loadOidcConfig({ OIDC_ISSUER: '' })).toBeUndefined();
  });

  it('reads sign-in with its defaults: subject claim sub, scopes openid profile email', () => {
    expect(loadOidcConfig(SIGN_IN)).toEqual({
      issuer: SIGN_IN.OIDC_ISSUER,
      allowInsecure: false,
      signIn: {
        clientId: 'liaison',
        clientSecret: 'a-secret',
        redirectUrl: undefined,
        subjectClaim: 'sub',
        scopes: 'openid profile email',
      },
    });
  });

  it('reads machines alone (issuer and audience), with role and agency claims', () => {
    const config = loadOidcConfig({
      OIDC_ISSUER: SIGN_IN.OIDC_ISSUER,
      OIDC_API_AUDIENCE: 'liaison-api',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
    });
    expect(config?.signIn).toBeUndefined();
    expect(config?.machine).toEqual({
      audience: 'liaison-api',
      roleClaim: 'realm_access.roles',
      agencyClaim: 'agency',
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ OIDC_CLIENT_ID: 'x' }, 'OIDC_ISSUER'],
    [{ OIDC_API_AUDIENCE: 'x' }, 'OIDC_ISSUER'],
    [{ OIDC_ISSUER: SIGN_IN.OIDC_ISSUER }, 'OIDC_CLIENT_ID'],
    [{ ...SIGN_IN, OIDC_CLIENT_SECRET: '' }, 'OIDC_CLIENT_SECRET'],
    [{ ...SIGN_IN, OIDC_ISSUER: 'not a url' }, 'OIDC_ISSUER'],
    [{ ...SIGN_IN, OIDC_ISSUER: 'http://sso.gov.example' }, 'OIDC_ISSUER'],
    [{ ...SIGN_IN, OIDC_ISSUER: 'https://sso.gov.example/?x=1' }, 'OIDC_ISSUER'],
    [{ ...SIGN_IN, OIDC_REDIRECT_URL: 'ftp://x' }, 'OIDC_REDIRECT_URL'],
    [{ ...SIGN_IN, OIDC_SUBJECT_CLAIM: 'a claim' }, 'OIDC_SUBJECT_CLAIM'],
    [{ ...SIGN_IN, OIDC_SCOPES: 'profile email' }, 'OIDC_SCOPES'],
    [{ ...SIGN_IN, OIDC_ROLE_CLAIM: 'role' }, 'OIDC_API_AUDIENCE'],
    [{ ...SIGN_IN, OIDC_API_AUDIENCE: 'liaison' }, 'OIDC_API_AUDIENCE'],
  ])('given %p, fails at boot naming %s', (env, variable) => {
    expect(() => loadOidcConfig(env)).toThrow(ConfigError);
    expect(() => loadOidcConfig(env)).toThrow(variable);
  });

  it('accepts an http issuer only under NODE_ENV=development or test', () => {
    const local = { ...SIGN_IN, OIDC_ISSUER: 'http://127.0.0.1:8080' };
    expect(loadOidcConfig({ ...local, NODE_ENV: 'test' })?.allowInsecure).toBe(true);
    expect(loadOidcConfig({ ...local, NODE_ENV: 'development' })?.issuer).toBe(local.OIDC_ISSUER);
    expect(() => loadOidcConfig({ ...local, NODE_ENV: 'production' })).toThrow('must use https:');
    expect(() => loadOidcConfig(local)).toThrow('OIDC_ISSUER'); // unset NODE_ENV is production
  });
});
