import { ConfigError } from '../config/config';
import { loadEdgeConfig } from './edge-config';

describe('loadEdgeConfig', () => {
  it('limits by default, and not under NODE_ENV=test unless a spec sets them', () => {
    expect(loadEdgeConfig({})).toMatchObject({
      jsonMaxDepth: 32,
      jsonMaxKeys: 1000,
      rateLimitPerAddress: 6000,
      rateLimitPerCaller: 3000,
      rateLimitAuditScans: 4,
      rateLimitSignIn: 10,
      jwtMaxLifetimeS: 86_400,
      opsPort: 0,
      trustProxy: false,
    });
    expect(loadEdgeConfig({ NODE_ENV: 'test' }).rateLimitPerCaller).toBe(0);
    expect(
      loadEdgeConfig({ NODE_ENV: 'test', RATE_LIMIT_PER_CALLER: '5' }).rateLimitPerCaller,
    ).toBe(5);
  });

  it('reads TRUST_PROXY as a flag or addresses', () => {
    expect(loadEdgeConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadEdgeConfig({ TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
    ]);
  });

  it.each([
    ['JSON_MAX_DEPTH', '0'],
    ['JSON_MAX_KEYS', 'many'],
    ['RATE_LIMIT_WINDOW_S', '0'],
    ['RATE_LIMIT_PER_CALLER', '-1'],
    ['RATE_LIMIT_AUDIT_SCANS', '1.5'],
    ['RATE_LIMIT_PREFIX', 'a:b'],
    ['JWT_MAX_LIFETIME_S', '31536000'],
    ['OPS_PORT', '70000'],
    ['TRUST_PROXY', 'my proxy'],
  ])('refuses %s=%s at boot, naming the variable', (name, value) => {
    expect(() => loadEdgeConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadEdgeConfig({ [name]: value })).toThrow(name);
  });
});
