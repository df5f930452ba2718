import { ConfigError, isDevelopmentMode } from '@liaison/platform';

type Env = Record<string, string | undefined>;

export interface CounterpartsConfig {
  /** HMAC key of the counterparts' links (COUNTERPART_LINK_SECRET). */
  linkSecret: Buffer;
  /** How long a link works after it is issued (COUNTERPART_LINK_TTL_DAYS, default 14). */
  linkTtlMs: number;
  /** Where people open the app (APP_URL, as the notifications use it; default http://localhost:<PORT>). */
  publicBaseUrl: string;
  /** How often the worker looks for reminders Redis lost (COUNTERPART_SWEEP_MS). */
  sweepMs: number;
}

export const COUNTERPARTS_CONFIG = Symbol('COUNTERPARTS_CONFIG');

// Known to everyone who reads this file: accepted only under NODE_ENV=development or test.
const DEV_LINK_SECRET = 'liaison-development-counterpart-link-secret-not-for-production';
const DAY_MS = 86_400_000;

/** Validated at boot: production refuses to start without a secret of its own. */
export function loadCounterpartsConfig(env: Env = process.env): CounterpartsConfig {
  const raw = env.COUNTERPART_LINK_SECRET;
  if (!isDevelopmentMode(env) && !raw) {
    throw new ConfigError(
      'COUNTERPART_LINK_SECRET',
      'is required in production (at least 32 characters): it signs the links counterparts answer through',
    );
  }
  const secret = raw || DEV_LINK_SECRET;
  if (secret.length < 32) {
    throw new ConfigError('COUNTERPART_LINK_SECRET', 'must be at least 32 characters');
  }
  if (!isDevelopmentMode(env) && secret === DEV_LINK_SECRET) {
    throw new ConfigError('COUNTERPART_LINK_SECRET', 'must not be the development secret');
  }
  const days = Number(env.COUNTERPART_LINK_TTL_DAYS ?? '14');
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new ConfigError('COUNTERPART_LINK_TTL_DAYS', 'must be a whole number of days, 1 to 90');
  }
  const sweepMs = Number(env.COUNTERPART_SWEEP_MS ?? '60000');
  if (!Number.isInteger(sweepMs) || sweepMs < 100 || sweepMs > DAY_MS) {
    throw new ConfigError('COUNTERPART_SWEEP_MS', 'must be whole milliseconds, 100 to 86400000');
  }
  const base = env.APP_URL || `http://localhost:${env.PORT || '3000'}`;
  try {
    new URL(base);
  } catch {
    throw new ConfigError('APP_URL', `is not a URL (got "${base}")`);
  }
  return {
    linkSecret: Buffer.from(secret, 'utf8'),
    linkTtlMs: days * DAY_MS,
    publicBaseUrl: base.replace(/\/+$/, ''),
    sweepMs,
  };
}
