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

// One round trip: take `batch` from the window's count, start the window with the first take,
// say how long it has left.
const TAKE = `
local n = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/**
 * A process takes this share of an allowance from Redis at a time and spends it locally: one
 * round trip per hundredth of the limit instead of one per request (the cost showed in
 * bench:api). The price is precision: a caller may be refused up to one share per process early
 * in a window. Allowances under 100 are taken one request at a time, exactly.
 */
const SHARES_PER_WINDOW = 100;
/** Leases kept per process; the oldest goes first when full. */
const MAX_LEASES = 10_000;

interface Lease {
  remaining: number;
  /** No more in this window: refused here until it ends, without asking Redis. */
  exhausted: boolean;
  endsAt: number;
}

/**
 * Fixed-window counters in Redis, so every API process draws on the same allowance. When Redis
 * cannot answer, requests are let through: an outage of the limiter must not become an outage
 * of the API (the health check reports Redis).
 */
export class FixedWindowLimiter {
  private readonly logger = new Logger('RateLimit');
  private readonly leases = new Map<string, Lease>();
  private lastFailureLog = 0;

  constructor(
    private readonly redis: ScriptRunner,
    private readonly prefix: string,
    private readonly windowS: number,
  ) {}

  async hit(key: string, limit: number, now = Date.now()): Promise<Verdict> {
    if (limit <= 0) return { allowed: true, retryAfterS: 0 };
    const lease = this.leases.get(key);
    if (lease !== undefined && lease.endsAt > now) {
      if (lease.remaining > 0) {
        lease.remaining--;
        return { allowed: true, retryAfterS: 0 };
      }
      if (lease.exhausted) return { allowed: false, retryAfterS: secondsUntil(lease.endsAt, now) };
    }
    const taken = await this.take(key, Math.max(1, Math.floor(limit / SHARES_PER_WINDOW)), now);
    if (taken === undefined) return { allowed: true, retryAfterS: 0 };
    const { count, batch, endsAt } = taken;
    // The part of this batch that falls within the limit is ours to spend.
    const granted = Math.min(batch, limit - (count - batch));
    this.keep(key, { remaining: Math.max(0, granted - 1), exhausted: granted < batch, endsAt });
    return { allowed: granted > 0, retryAfterS: secondsUntil(endsAt, now) };
  }

  private async take(key: string, batch: number, now: number) {
    try {
      const [count, ttlMs] = (await this.redis.eval(
        TAKE,
        1,
        `${this.prefix}:rate:${key}`,
        this.windowS * 1000,
        batch,
      )) as [number, number];
      return { count, batch, endsAt: now + ttlMs };
    } catch (err) {
      if (now - this.lastFailureLog > 10_000) {
        this.lastFailureLog = now;
        this.logger.warn({ msg: 'rate limit not checked: Redis failed', reason: String(err) });
      }
      return undefined;
    }
  }

  private keep(key: string, lease: Lease): void {
    this.leases.delete(key);
    if (this.leases.size >= MAX_LEASES) {
      this.leases.delete(this.leases.keys().next().value as string);
    }
    this.leases.set(key, lease);
  }
}

function secondsUntil(endsAt: number, now: number): number {
  return Math.max(1, Math.ceil((endsAt - now) / 1000));
}
