import { Provider } from '@nestjs/common';
import { EDGE_CONFIG, EdgeConfig, REDIS } from '@liaison/platform';
import { FixedWindowLimiter, ScriptRunner } from './fixed-window';

export const RATE_LIMITER = Symbol('RATE_LIMITER');

/** One limiter per process, on the shared Redis connection. */
export const rateLimiterProvider: Provider = {
  provide: RATE_LIMITER,
  inject: [REDIS, EDGE_CONFIG],
  useFactory: (redis: ScriptRunner, config: EdgeConfig) =>
    new FixedWindowLimiter(redis, config.rateLimitPrefix, config.rateLimitWindowS),
};
