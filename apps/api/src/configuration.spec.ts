import { ConfigError } from '@liaison/platform';
import { checkApiConfiguration } from './configuration';

describe('checkApiConfiguration', () => {
  it('refuses a production environment without its seal key, naming the variable', () => {
    expect(() => checkApiConfiguration({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => checkApiConfiguration({ NODE_ENV: 'production' })).toThrow(
      /AUDIT_SEAL_PRIVATE_KEY/,
    );
  });

  it("reads the libs' variables too, not only the platform's", () => {
    expect(() =>
      checkApiConfiguration({ NODE_ENV: 'development', OIDC_ISSUER: 'https://idp.example' }),
    ).toThrow(/OIDC_CLIENT_ID/);
  });

  it('passes a development environment and returns the platform configuration', () => {
    expect(checkApiConfiguration({ NODE_ENV: 'development' }).nodeEnv).toBe('development');
  });
});
