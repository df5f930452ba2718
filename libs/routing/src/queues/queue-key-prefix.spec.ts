import { queueKeyPattern, queueKeyPrefix } from './queue-key-prefix';

describe('queueKeyPrefix', () => {
  it('keeps the plain prefix on a single Redis, where existing jobs live', () => {
    expect(queueKeyPrefix('liaison', 'agency-KISA', false)).toBe('liaison');
  });

  it("tags each queue on a cluster, so that a queue's keys share a slot", () => {
    expect(queueKeyPrefix('liaison', 'agency-KISA', true)).toBe('{liaison:agency-KISA}');
  });

  it('scans for what it prefixes', () => {
    const key = (clustered: boolean) => `${queueKeyPrefix('p', 'timers', clustered)}:timers:wait`;
    const matches = (pattern: string, s: string) =>
      new RegExp(`^${pattern.replace(/[{}]/g, '\\$&').replace('*', '.*')}$`).test(s);
    expect(matches(queueKeyPattern('p', false), key(false))).toBe(true);
    expect(matches(queueKeyPattern('p', true), key(true))).toBe(true);
  });
});
