import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('works against local services with no variables set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/liaison');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('uses the test database under NODE_ENV=test, never DATABASE_URL', () => {
    const env = { NODE_ENV: 'test', DATABASE_URL: 'postgres://app@db/liaison' };
    expect(loadConfig(env).databaseUrl).toMatch(/\/liaison_test$/);
    expect(loadConfig({ ...env, TEST_DATABASE_URL: 'postgres://t@db/other' }).databaseUrl).toBe(
      'postgres://t@db/other',
    );
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['REDIS_URL', 'http://localhost'],
    ['NODE_ENV', 'staging'],
    ['JWT_SECRET', 'short'],
    ['DB_POOL_SIZE', '0'],
  ])('names %s when it is %p', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
  });

  it('runs as production when NODE_ENV is unset: no development secret, no HS256', () => {
    const config = loadConfig({});
    expect(config.nodeEnv).toBe('production');
    expect(config.developmentDefaults).toBe(false);
    expect(config.hs256Enabled).toBe(false);
    expect(config.jwtSecret).not.toMatch(/development/);
    // a fresh unguessable value per process, so no token minted elsewhere verifies
    expect(loadConfig({}).jwtSecret).not.toBe(config.jwtSecret);
  });

  it.each([{ NODE_ENV: 'production' }, {}])(
    'refuses to start with JWT_SECRET set in production (%p)',
    (env) => {
      const withSecret = { ...env, JWT_SECRET: 'x'.repeat(40) };
      expect(() => loadConfig(withSecret)).toThrow(ConfigError);
      expect(() => loadConfig(withSecret)).toThrow(
        /JWT_SECRET must not be set in production: shared-secret \(HS256\) tokens/,
      );
    },
  );

  it('refuses to start with AUTH_HS256=true in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_HS256: 'true' })).toThrow(
      'AUTH_HS256 must not be true in production',
    );
    expect(loadConfig({ NODE_ENV: 'production', AUTH_HS256: 'false' }).hs256Enabled).toBe(false);
  });

  it.each(['development', 'test'])(
    'accepts HS256 under an explicit NODE_ENV=%s, with the development secret unless set',
    (nodeEnv) => {
      const config = loadConfig({ NODE_ENV: nodeEnv });
      expect(config.hs256Enabled).toBe(true);
      expect(config.developmentDefaults).toBe(true);
      expect(config.jwtSecret).toMatch(/development/);
      expect(loadConfig({ NODE_ENV: nodeEnv, JWT_SECRET: 'y'.repeat(32) }).jwtSecret).toBe(
        'y'.repeat(32),
      );
      expect(loadConfig({ NODE_ENV: nodeEnv, AUTH_HS256: 'false' }).hs256Enabled).toBe(false);
    },
  );

  it('names AUTH_HS256 when it is neither true nor false', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', AUTH_HS256: 'yes' })).toThrow('AUTH_HS256');
  });

  it('still wants a long secret in development', () => {
    expect(() => loadConfig({ NODE_ENV: 'development', JWT_SECRET: 'short' })).toThrow(
      'JWT_SECRET must be at least 32 characters',
    );
  });
});
