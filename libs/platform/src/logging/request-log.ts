import type { FastifyInstance } from 'fastify';
import type { Logger as Pino } from 'pino';
import { correlationIdOf, redactedUrl } from './request-ids';

const UNLOGGED = new Set(['/health', '/metrics']);

/**
 * One access line per finished request at info — its id, correlation id, method, URL (ids,
 * never names; a counterpart link's token redacted), status and time — from Fastify's own
 * request id, the one events record as their causation. Nothing is added when info is off.
 */
export function useRequestLog(fastify: FastifyInstance, logger: Pino): void {
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!UNLOGGED.has(request.url)) {
      logger.info(
        {
          req: { id: request.id, method: request.method, url: redactedUrl(request.url) },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
          correlationId: correlationIdOf(request),
        },
        'request completed',
      );
    }
    done();
  });
}
