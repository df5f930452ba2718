import { reconnectDelay } from './reconnect-backoff';

describe('reconnectDelay', () => {
  it('doubles from the base up to the cap, never above it', () => {
    const delays = [1, 2, 3, 4, 5, 30, 1000].map((n) => reconnectDelay(n, 100, 1000));
    expect(delays[0]).toBeGreaterThanOrEqual(75);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(150);
    expect(delays[3]).toBeGreaterThanOrEqual(600);
    for (const d of delays) expect(d).toBeLessThanOrEqual(1000);
    expect(delays[6]).toBeGreaterThanOrEqual(750);
  });
});
