import { ConfigError, loadConfig } from './config';
import { loadRedisTopology } from './redis-topology';

describe('loadRedisTopology', () => {
  it('is one server when neither cluster nor sentinels are named', () => {
    expect(loadRedisTopology({})).toEqual({ kind: 'single' });
  });

  it('reads cluster nodes, IPv6 in brackets', () => {
    expect(loadRedisTopology({ REDIS_CLUSTER_NODES: 'r1:7000, [::1]:7001' })).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'r1', port: 7000 },
        { host: '::1', port: 7001 },
      ],
    });
  });

  it('reads sentinels with the master name', () => {
    const env = { REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_NAME: 'liaison' };
    expect(loadRedisTopology(env)).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: 's1', port: 26379 },
        { host: 's2', port: 26379 },
      ],
      name: 'liaison',
      sentinelPassword: undefined,
    });
  });

  it.each([
    ['REDIS_CLUSTER_NODES', { REDIS_CLUSTER_NODES: 'r1' }],
    ['REDIS_CLUSTER_NODES', { REDIS_CLUSTER_NODES: 'r1:0' }],
    ['REDIS_CLUSTER_NODES', { REDIS_CLUSTER_NODES: 'r1:7000,' }],
    ['REDIS_SENTINELS', { REDIS_SENTINELS: 's1:99999', REDIS_SENTINEL_NAME: 'm' }],
    ['REDIS_SENTINEL_NAME', { REDIS_SENTINELS: 's1:26379' }],
    ['REDIS_SENTINEL_NAME', { REDIS_SENTINEL_NAME: 'm' }],
    ['REDIS_CLUSTER_NODES', { REDIS_CLUSTER_NODES: 'r1:7000', REDIS_SENTINELS: 's1:26379' }],
  ])('names %s when it is wrong (%p)', (variable, env) => {
    expect(() => loadRedisTopology(env)).toThrow(ConfigError);
    expect(() => loadRedisTopology(env)).toThrow(variable);
  });

  it('is validated at boot, with the rest of the configuration', () => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'nope' })).toThrow('REDIS_CLUSTER_NODES');
  });
});

describe('the direct database URL', () => {
  it('is the pooled one unless set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app@pgbouncer:6432/liaison' });
    expect(config.databaseDirectUrl).toBe('postgres://app@pgbouncer:6432/liaison');
  });

  it('is DATABASE_DIRECT_URL, and TEST_DATABASE_DIRECT_URL under NODE_ENV=test', () => {
    const env = {
      DATABASE_URL: 'postgres://app@pgbouncer:6432/liaison',
      DATABASE_DIRECT_URL: 'postgres://app@db:5432/liaison',
    };
    expect(loadConfig(env).databaseDirectUrl).toBe('postgres://app@db:5432/liaison');
    expect(loadConfig({ ...env, NODE_ENV: 'test' }).databaseDirectUrl).toMatch(/liaison_test$/);
    expect(() => loadConfig({ DATABASE_DIRECT_URL: 'mysql://db/x' })).toThrow(
      'DATABASE_DIRECT_URL',
    );
  });
});
