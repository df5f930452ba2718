import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';

/** What the throttle needs of a Redis client: a single server and a Cluster both have it. */
export interface ThrottleRedis {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  hget(key: string, field: string): Promise<string | null>;
  del(...keys: string[]): Promise<number>;
}

export interface ThrottlePolicy {
  /** Failures allowed before each further one makes the next attempt wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it… */
  baseDelayMs: number;
  /** …up to this, so the owner can always try again after it: never locked out for ever. */
  maxDelayMs: number;
}

// One round trip: count the failure; past the free ones, block until now + base·2^(n−free−1),
// capped; forget it all a day after the last failure.
const FAIL = `
local n = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local blocked = 0
local free = tonumber(ARGV[2])
if n > free then
  local doublings = math.min(n - free - 1, 30)
  local delay = math.min(tonumber(ARGV[3]) * (2 ^ doublings), tonumber(ARGV[4]))
  blocked = tonumber(ARGV[1]) + delay
  redis.call('HSET', KEYS[1], 'until', blocked)
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return blocked`;

const FORGET_AFTER_MS = 86_400_000;

// Take an attempt, in one round trip: refused while blocked (returns `until`) and, once the free
// failures are used up by failures and attempts under way together, while another attempt is
// under way (returns a second from now). So a volley of parallel guesses, each costing Argon2's
// time before its failure is counted, gets one guess at a time past the free ones, not one per
// connection. An attempt whose process died is forgotten after ARGV[4] ms.
const ATTEMPT = `
local now = tonumber(ARGV[1])
local blocked = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if blocked > now then return blocked end
local inflight = tonumber(redis.call('HGET', KEYS[1], 'inflight') or '0')
if inflight > 0 and now - tonumber(redis.call('HGET', KEYS[1], 'inflight_at') or '0') > tonumber(ARGV[4]) then
  inflight = 0
end
local failures = tonumber(redis.call('HGET', KEYS[1], 'failures') or '0')
if inflight > 0 and failures + inflight >= tonumber(ARGV[2]) then return now + 1000 end
redis.call('HSET', KEYS[1], 'inflight', inflight + 1, 'inflight_at', now)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 0`;

const RELEASE = `
if tonumber(redis.call('HGET', KEYS[1], 'inflight') or '0') > 0 then
  redis.call('HINCRBY', KEYS[1], 'inflight', -1)
end
return 0`;

/** An attempt longer than this (Argon2 takes milliseconds) belongs to a process that died. */
const ATTEMPT_FORGOTTEN_AFTER_MS = 30_000;

/**
 * Failed sign-ins, counted per account and per address in Redis (shared by every API process).
 * A few failures are free; after them each failure makes the next attempt wait, the wait doubling
 * up to a cap. While waiting, the account (or address) is answered 429 with Retry-After without
 * checking the password, so guessing runs at one try per cap at best, and the real owner, who
 * knows the password, gets in with the first try after the wait. A success clears the account's
 * count (not the address's: one good account must not buy an address more guesses at others).
 * When Redis cannot answer, sign-in is not throttled (Argon2's cost still bounds guessing): an
 * outage of Redis must not become an outage of sign-in.
 */
export class SignInThrottle {
  private readonly logger = new Logger('SignInThrottle');
  private lastFailureLog = 0;

  constructor(
    private readonly redis: ThrottleRedis,
    private readonly prefix: string,
    private readonly account: ThrottlePolicy,
    private readonly address: ThrottlePolicy,
  ) {}

  /** Seconds to wait before this login may be tried from this address; 0 when it may now. */
  async waitS(login: string, address: string, now = Date.now()): Promise<number> {
    const untils = await this.quietly(() =>
      Promise.all([
        this.redis.hget(this.accountKey(login), 'until'),
        this.redis.hget(this.addressKey(address), 'until'),
      ]),
    );
    if (!untils) return 0;
    const until = Math.max(...untils.map((u) => Number(u ?? 0)));
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /**
   * Takes an attempt for this login from this address: 0 when it may go ahead (then `release`
   * it when done, whatever the outcome), else the seconds to wait.
   */
  async begin(login: string, address: string, now = Date.now()): Promise<number> {
    const take = (key: string, policy: ThrottlePolicy) =>
      this.redis.eval(
        ATTEMPT,
        1,
        key,
        now,
        policy.freeFailures,
        FORGET_AFTER_MS,
        ATTEMPT_FORGOTTEN_AFTER_MS,
      );
    const untilMs = async (): Promise<number> => {
      const account = Number(await take(this.accountKey(login), this.account));
      if (account > now) return account;
      const address_ = Number(await take(this.addressKey(address), this.address));
      if (address_ > now) await this.redis.eval(RELEASE, 1, this.accountKey(login));
      return address_;
    };
    const until = await this.quietly(untilMs);
    return until !== undefined && until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  /** Ends an attempt `begin` took. */
  async release(login: string, address: string): Promise<void> {
    await this.quietly(() =>
      Promise.all([
        this.redis.eval(RELEASE, 1, this.accountKey(login)),
        this.redis.eval(RELEASE, 1, this.addressKey(address)),
      ]),
    );
  }

  async failed(login: string, address: string, now = Date.now()): Promise<void> {
    await this.quietly(() =>
      Promise.all([
        this.fail(this.accountKey(login), this.account, now),
        this.fail(this.addressKey(address), this.address, now),
      ]),
    );
  }

  async succeeded(login: string): Promise<void> {
    await this.quietly(() => this.redis.del(this.accountKey(login)));
  }

  private fail(key: string, policy: ThrottlePolicy, now: number): Promise<unknown> {
    return this.redis.eval(
      FAIL,
      1,
      key,
      now,
      policy.freeFailures,
      policy.baseDelayMs,
      policy.maxDelayMs,
      FORGET_AFTER_MS,
    );
  }

  // Logins are hashed into the key: any text a client sends stays a fixed-size key.
  private accountKey(login: string): string {
    const digest = createHash('sha256').update(login.trim().toLowerCase()).digest('hex');
    return `${this.prefix}:sign-in:account:${digest.slice(0, 32)}`;
  }

  private addressKey(address: string): string {
    return `${this.prefix}:sign-in:address:${address.slice(0, 64)}`;
  }

  private async quietly<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (err) {
      const now = Date.now();
      if (now - this.lastFailureLog > 10_000) {
        this.lastFailureLog = now;
        this.logger.warn({
          msg: 'sign-in throttle not applied: Redis failed',
          reason: String(err),
        });
      }
      return undefined;
    }
  }
}
