import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EdgeConfig, toErrorBody } from '@liaison/platform';
import { DASHBOARD_PATH } from '../../admin/dashboard-access';
import { FixedWindowLimiter } from './fixed-window';
import { TooManyRequestsError } from './too-many-requests';

/** Sign-in routes: guessing credentials there is held back. Opening a dashboard session is the
 * only one today; the design's `POST /v1/session` is listed for when it comes. */
const SIGN_IN = new Set([`POST ${DASHBOARD_PATH}/session`, 'POST /v1/session']);
const HEALTH = /^\/health(?:[/?]|$)/;

/**
 * Per-address limits, before anything else reads the request (no token needed, so a flood of
 * bad tokens is counted too): a general allowance, and a small one for sign-in.
 */
export function useAddressRateLimit(
  fastify: FastifyInstance,
  limiter: FixedWindowLimiter,
  config: EdgeConfig,
): void {
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // An orchestrator's probes must never be throttled into a restart.
    if (HEALTH.test(req.url)) return;
    const checks: [string, number, string][] = [
      [`address:${req.ip}`, config.rateLimitPerAddress, 'from this address'],
    ];
    if (SIGN_IN.has(`${req.method} ${req.url.split('?')[0]}`)) {
      checks.push([`sign-in:${req.ip}`, config.rateLimitSignIn, 'of sign-ins from this address']);
    }
    for (const [key, limit, scope] of checks) {
      const verdict = await limiter.hit(key, limit);
      if (verdict.allowed) continue;
      const err = new TooManyRequestsError(
        limit,
        config.rateLimitWindowS,
        scope,
        verdict.retryAfterS,
      );
      return reply
        .code(429)
        .header('retry-after', String(verdict.retryAfterS))
        .send(toErrorBody(err));
    }
  });
}
