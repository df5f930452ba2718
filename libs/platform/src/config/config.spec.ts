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

  it('requires JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('JWT_SECRET');
  });
});
