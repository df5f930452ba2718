import { ConfigError, Env, envInteger as integer, nodeEnvOf } from '@liaison/platform';

/** Sign-in, sessions and passwords, read from the environment and validated at boot. */
export interface IdentityConfig {
  /** A session unused this long ends (SESSION_IDLE_TIMEOUT_S). */
  sessionIdleTimeoutS: number;
  /** A session ends this long after sign-in, used or not (SESSION_ABSOLUTE_TIMEOUT_S). */
  sessionAbsoluteTimeoutS: number;
  /**
   * 'auto': the cookie is Secure when the request came over HTTPS (directly, or per
   * X-Forwarded-Proto from a proxy trusted by TRUST_PROXY); 'always': Secure on every answer.
   */
  sessionCookieSecure: 'auto' | 'always';
  passwordMinLength: number;
  /** Failed sign-ins for one account before each further one waits (growing, capped). */
  signInFreeFailuresPerAccount: number;
  /** …and from one address (larger: an office shares its address). */
  signInFreeFailuresPerAddress: number;
  /** The longest wait the throttle imposes: the owner can always try again after it. */
  signInMaxDelayS: number;
  /** Create the development accounts at boot (NODE_ENV=development only). */
  developmentAccounts: boolean;
  /** Their password (DEMO_PASSWORD). */
  demoPassword: string;
}

const DAY_S = 86_400;

export function loadIdentityConfig(env: Env = process.env): IdentityConfig {
  const nodeEnv = nodeEnvOf(env);
  const sessionIdleTimeoutS = integer(env, 'SESSION_IDLE_TIMEOUT_S', 1800, 60, DAY_S);
  const sessionAbsoluteTimeoutS = integer(
    env,
    'SESSION_ABSOLUTE_TIMEOUT_S',
    12 * 3600,
    300,
    30 * DAY_S,
  );
  if (sessionAbsoluteTimeoutS < sessionIdleTimeoutS) {
    throw new ConfigError(
      'SESSION_ABSOLUTE_TIMEOUT_S',
      `must be at least SESSION_IDLE_TIMEOUT_S (${sessionAbsoluteTimeoutS} < ${sessionIdleTimeoutS})`,
    );
  }
  const secure = env.SESSION_COOKIE_SECURE || 'auto';
  if (secure !== 'auto' && secure !== 'always') {
    throw new ConfigError('SESSION_COOKIE_SECURE', `must be auto or always (got "${secure}")`);
  }
  const accounts = env.DEV_ACCOUNTS || '';
  if (!['', 'true', 'false'].includes(accounts)) {
    throw new ConfigError('DEV_ACCOUNTS', `must be true or false (got "${accounts}")`);
  }
  if (accounts === 'true' && nodeEnv !== 'development') {
    throw new ConfigError('DEV_ACCOUNTS', 'may be true only under NODE_ENV=development');
  }
  const demoPassword = env.DEMO_PASSWORD || 'liaison-demo';
  if (demoPassword.length < 8) {
    throw new ConfigError('DEMO_PASSWORD', 'must be at least 8 characters');
  }
  return {
    sessionIdleTimeoutS,
    sessionAbsoluteTimeoutS,
    sessionCookieSecure: secure,
    passwordMinLength: integer(env, 'PASSWORD_MIN_LENGTH', 12, 8, 64),
    signInFreeFailuresPerAccount: integer(env, 'SIGN_IN_ACCOUNT_FAILURES', 5, 1, 100),
    signInFreeFailuresPerAddress: integer(env, 'SIGN_IN_ADDRESS_FAILURES', 20, 1, 10_000),
    signInMaxDelayS: integer(env, 'SIGN_IN_MAX_DELAY_S', 900, 1, DAY_S),
    developmentAccounts: nodeEnv === 'development' && accounts !== 'false',
    demoPassword,
  };
}

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');
