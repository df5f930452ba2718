/** The process environment, or the stand-in a spec passes. */
export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

/** An integer variable from min to max; unset or empty gives the fallback. */
export function envInteger(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

const KEY_PREFIX = /^[A-Za-z0-9_.-]{1,64}$/;

/** A Redis key prefix (BullMQ's queues, the rate limiter's counters), so deployments sharing a
 * Redis keep apart; unset or empty gives `liaison`. */
export function envKeyPrefix(env: Env, name: string): string {
  const value = env[name] || 'liaison';
  if (!KEY_PREFIX.test(value)) {
    throw new ConfigError(name, `must be 1–64 of A-Z a-z 0-9 _ . - (got "${value}")`);
  }
  return value;
}
