import { ConfigError } from '@liaison/platform';
import { loadRoutingConfig } from './routing.config';

describe('loadRoutingConfig', () => {
  it('defaults to a day of reminder lead and a day of escalation grace', () => {
    const config = loadRoutingConfig({});
    expect(config.reminderLeadMs).toBe(86_400_000);
    expect(config.escalationGraceMs).toBe(86_400_000);
    expect(config.queuePrefix).toBe('liaison');
  });

  it('reads the variables', () => {
    const config = loadRoutingConfig({ REMINDER_LEAD_MS: '60000', QUEUE_PREFIX: 'test-1' });
    expect(config.reminderLeadMs).toBe(60_000);
    expect(config.queuePrefix).toBe('test-1');
  });

  it.each([
    ['REMINDER_LEAD_MS', '-1'],
    ['ESCALATION_GRACE_MS', 'soon'],
    ['DELIVERY_ATTEMPTS', '0'],
    ['QUEUE_PREFIX', 'a:b'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadRoutingConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadRoutingConfig({ [name]: value })).toThrow(name);
  });
});
