/** The throttle on the real Redis, on a fixed clock (every method takes `now`). */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { SignInThrottle } from './sign-in-throttle';

const policy = (freeFailures: number) => ({ freeFailures, baseDelayMs: 1000, maxDelayMs: 8000 });

let redis: Redis;
let throttle: SignInThrottle;
beforeAll(() => {
  redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: false });
});
beforeEach(() => {
  throttle = new SignInThrottle(redis, `spec-${randomUUID()}`, policy(3), policy(10));
});
afterAll(() => redis.quit());

const T = 1_800_000_000_000;

describe('SignInThrottle', () => {
  it('lets the free failures pass, then waits 1, 2, 4… s, capped at the maximum', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      await throttle.failed('kim', '10.0.0.1', T);
      waits.push(await throttle.waitS('kim', '10.0.0.1', T));
    }
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 8]);
  });

  it('is over when the wait has passed: the owner is never locked out for ever', async () => {
    for (let i = 0; i < 20; i++) await throttle.failed('kim', '10.0.0.1', T);
    expect(await throttle.waitS('kim', '10.0.0.1', T)).toBe(8);
    expect(await throttle.waitS('kim', '10.0.0.1', T + 8000)).toBe(0);
  });

  it('holds the account from any address, and the address for any account', async () => {
    for (let i = 0; i < 4; i++) await throttle.failed('kim', `10.0.0.${i}`, T);
    expect(await throttle.waitS('KIM ', '10.9.9.9', T)).toBe(1);
    for (let i = 0; i < 11; i++) await throttle.failed(`name-${i}`, '10.1.1.1', T);
    expect(await throttle.waitS('lee', '10.1.1.1', T)).toBe(1);
    expect(await throttle.waitS('lee', '10.2.2.2', T)).toBe(0);
  });

  it('a success clears the account, not the address', async () => {
    for (let i = 0; i < 11; i++) await throttle.failed('kim', '10.0.0.1', T);
    await throttle.succeeded('kim');
    expect(await throttle.waitS('kim', '10.0.0.2', T)).toBe(0);
    expect(await throttle.waitS('lee', '10.0.0.1', T)).toBeGreaterThan(0);
  });

  it('past the free failures, takes one attempt at a time: a volley of guesses gets one', async () => {
    for (let i = 0; i < 2; i++) await throttle.failed('kim', '10.0.0.1', T);
    // One free failure is left: two attempts at once would spend it twice.
    const volley = await Promise.all(
      Array.from({ length: 5 }, (_, i) => throttle.begin('kim', `10.0.0.${i}`, T)),
    );
    expect(volley.filter((wait) => wait === 0)).toHaveLength(1);
    expect(volley.filter((wait) => wait > 0)).toHaveLength(4);
  });

  it('frees an attempt when released, and forgets one whose process died', async () => {
    for (let i = 0; i < 2; i++) await throttle.failed('kim', '10.0.0.1', T);
    expect(await throttle.begin('kim', '10.0.0.1', T)).toBe(0);
    expect(await throttle.begin('kim', '10.0.0.1', T)).toBe(1);
    await throttle.release('kim', '10.0.0.1');
    expect(await throttle.begin('kim', '10.0.0.1', T)).toBe(0); // taken again, never released
    expect(await throttle.begin('kim', '10.0.0.1', T + 1000)).toBe(1);
    expect(await throttle.begin('kim', '10.0.0.1', T + 31_000)).toBe(0);
  });

  it('lets attempts under the free failures run side by side', async () => {
    const volley = await Promise.all(
      Array.from({ length: 3 }, () => throttle.begin('kim', '10.0.0.1', T)),
    );
    expect(volley).toEqual([0, 0, 0]);
  });

  it('lets sign-in through when Redis cannot answer', async () => {
    const broken = new SignInThrottle(
      {
        eval: () => Promise.reject(new Error('down')),
        hget: () => Promise.reject(new Error('down')),
        del: () => Promise.reject(new Error('down')),
      },
      'x',
      policy(1),
      policy(1),
    );
    await broken.failed('kim', '10.0.0.1', T);
    expect(await broken.waitS('kim', '10.0.0.1', T)).toBe(0);
    expect(await broken.begin('kim', '10.0.0.1', T)).toBe(0);
  });
});
