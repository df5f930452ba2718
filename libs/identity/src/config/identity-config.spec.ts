import { ConfigError } from '@liaison/platform';
import { loadIdentityConfig } from './identity-config';

describe('loadIdentityConfig', () => {
  it('has defaults: 30 min idle, 12 h absolute, 12-character passwords, 5 and 20 free failures', () => {
    expect(loadIdentityConfig({})).toEqual({
      sessionIdleTimeoutS: 1800,
      sessionAbsoluteTimeoutS: 43_200,
      sessionCookieSecure: 'auto',
      passwordMinLength: 12,
      signInFreeFailuresPerAccount: 5,
      signInFreeFailuresPerAddress: 20,
      signInMaxDelayS: 900,
      developmentAccounts: false,
      demoPassword: 'liaison-demo',
    });
  });

  it('makes the development accounts only under NODE_ENV=development, unless turned off', () => {
    expect(loadIdentityConfig({ NODE_ENV: 'development' }).developmentAccounts).toBe(true);
    expect(
      loadIdentityConfig({ NODE_ENV: 'development', DEV_ACCOUNTS: 'false' }).developmentAccounts,
    ).toBe(false);
    expect(loadIdentityConfig({ NODE_ENV: 'test' }).developmentAccounts).toBe(false);
  });

  it.each<[Record<string, string>, string]>([
    [{ SESSION_IDLE_TIMEOUT_S: '10' }, 'SESSION_IDLE_TIMEOUT_S'],
    [{ SESSION_ABSOLUTE_TIMEOUT_S: 'soon' }, 'SESSION_ABSOLUTE_TIMEOUT_S'],
    [
      { SESSION_IDLE_TIMEOUT_S: '7200', SESSION_ABSOLUTE_TIMEOUT_S: '3600' },
      'SESSION_ABSOLUTE_TIMEOUT_S',
    ],
    [{ SESSION_COOKIE_SECURE: 'never' }, 'SESSION_COOKIE_SECURE'],
    [{ PASSWORD_MIN_LENGTH: '4' }, 'PASSWORD_MIN_LENGTH'],
    [{ DEV_ACCOUNTS: 'true', NODE_ENV: 'production' }, 'DEV_ACCOUNTS'],
    [{ DEV_ACCOUNTS: 'true' }, 'DEV_ACCOUNTS'],
    [{ DEMO_PASSWORD: 'short' }, 'DEMO_PASSWORD'],
  ])('refuses %p naming %s', (env, variable) => {
    expect(() => loadIdentityConfig(env)).toThrow(ConfigError);
    expect(() => loadIdentityConfig(env)).toThrow(variable);
  });
});
