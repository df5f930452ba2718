import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { FixedWindowLimiter } from './fixed-window';

/** Two limiters on one real Redis stand for two API processes sharing an allowance. */
describe('FixedWindowLimiter', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  });
  afterAll(() => redis.quit());

  const pair = () => {
    const prefix = `spec-${randomUUID().slice(0, 8)}`;
    return [new FixedWindowLimiter(redis, prefix, 60), new FixedWindowLimiter(redis, prefix, 60)];
  };

  it('holds a small allowance exactly across processes', async () => {
    const [a, b] = pair();
    const allowed: boolean[] = [];
    for (let i = 0; i < 8; i++) allowed.push((await (i % 2 ? a : b).hit('k', 5)).allowed);
    expect(allowed).toEqual([true, true, true, true, true, false, false, false]);
    const refused = await a.hit('k', 5);
    expect(refused.retryAfterS).toBeGreaterThan(0);
    expect(refused.retryAfterS).toBeLessThanOrEqual(60);
  });

  it('spends a large allowance in shares, never over it and at most a share each short', async () => {
    const [a, b] = pair();
    let allowed = 0;
    for (let i = 0; i < 1300; i++) if ((await (i % 3 ? a : b).hit('k', 1000)).allowed) allowed++;
    expect(allowed).toBeLessThanOrEqual(1000);
    expect(allowed).toBeGreaterThanOrEqual(1000 - 2 * 10);
  });

  it('asks Redis once per share', async () => {
    const [a] = pair();
    const evalSpy = jest.spyOn(redis, 'eval');
    for (let i = 0; i < 100; i++) await a.hit('k', 1000);
    expect(evalSpy).toHaveBeenCalledTimes(10);
    evalSpy.mockRestore();
  });

  it('starts afresh when the window ends', async () => {
    const [a] = pair();
    const t = Date.now();
    expect((await a.hit('k', 1, t)).allowed).toBe(true);
    expect((await a.hit('k', 1, t)).allowed).toBe(false);
    await redis.del(`${(a as unknown as { prefix: string }).prefix}:rate:k`);
    expect((await a.hit('k', 1, t + 61_000)).allowed).toBe(true);
  });

  it('lets requests through when Redis cannot answer', async () => {
    const broken = new FixedWindowLimiter(
      { eval: () => Promise.reject(new Error('down')) },
      'spec',
      60,
    );
    expect((await broken.hit('k', 1)).allowed).toBe(true);
  });
});
