import { Logger } from '@nestjs/common';

/** What the counter needs of a Redis client: a single server and a Cluster both have it. */
export interface ScriptRunner {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}

export interface Verdict {
  allowed: boolean;
  /** Whole seconds until the window ends; sent as Retry-After when refused. */
  retryAfterS: number;
}

// One round trip: count the hit, start the window on its first hit, say how long it has left.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/**
 * Fixed-window counters in Redis, so every API process draws on the same allowance. When Redis
 * cannot answer, requests are let through: an outage of the limiter must not become an outage
 * of the API (the health check reports Redis).
 */
export class FixedWindowLimiter {
  private readonly logger = new Logger('RateLimit');
  private lastFailureLog = 0;

  constructor(
    private readonly redis: ScriptRunner,
    private readonly prefix: string,
    private readonly windowS: number,
  ) {}

  async hit(key: string, limit: number): Promise<Verdict> {
    if (limit <= 0) return { allowed: true, retryAfterS: 0 };
    let count: number;
    let ttlMs: number;
    try {
      const reply = (await this.redis.eval(
        HIT,
        1,
        `${this.prefix}:rate:${key}`,
        this.windowS * 1000,
      )) as [number, number];
      [count, ttlMs] = reply;
    } catch (err) {
      if (Date.now() - this.lastFailureLog > 10_000) {
        this.lastFailureLog = Date.now();
        this.logger.warn({ msg: 'rate limit not checked: Redis failed', reason: String(err) });
      }
      return { allowed: true, retryAfterS: 0 };
    }
    return { allowed: count <= limit, retryAfterS: Math.max(1, Math.ceil(ttlMs / 1000)) };
  }
}
