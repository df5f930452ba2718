import { ConfigError, loadConfig } from './config';

describe('worker and health configuration', () => {
  it('has defaults an operator can live with', () => {
    expect(loadConfig({})).toMatchObject({
      workerGiveUpAfterMs: 300_000,
      workerHealthPort: 3001,
      workerHeartbeatMs: 5000,
      healthMaxLag: 5000,
      healthMaxHeartbeatAgeMs: 30_000,
    });
  });

  it.each([
    ['WORKER_GIVE_UP_AFTER_MS', '500'],
    ['WORKER_GIVE_UP_AFTER_MS', 'soon'],
    ['WORKER_HEALTH_PORT', '70000'],
    ['WORKER_HEARTBEAT_MS', '0'],
    ['HEALTH_MAX_LAG', '-1'],
    ['HEALTH_MAX_HEARTBEAT_AGE_MS', '1.5'],
  ])('names %s when it is %p', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
  });

  it('refuses a heartbeat age limit a healthy worker could not keep under', () => {
    const env = { WORKER_HEARTBEAT_MS: '10000', HEALTH_MAX_HEARTBEAT_AGE_MS: '10000' };
    expect(() => loadConfig(env)).toThrow('HEALTH_MAX_HEARTBEAT_AGE_MS must exceed');
  });
});
