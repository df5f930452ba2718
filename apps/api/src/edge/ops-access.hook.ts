import { HttpException } from '@nestjs/common';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedUser, AuthRequest, roleFor, UserRole } from '@liaison/platform';

/** The API's description: for the people who build against it, not for the public. */
export const DOCS_ROLES: readonly UserRole[] = ['admin', 'auditor'];
const DOCS = /^\/docs(?:[/?-]|$)/;
const METRICS = /^\/metrics(?:[/?]|$)/;

/**
 * Swagger's routes are Fastify's, outside Nest's router and so its guard: this hook lets only
 * admins and auditors read them, signed in by any credential the API accepts (the guard's
 * `identify`: a session, an API key, an IdP's token). When the docs and /metrics live on the
 * ops port instead, the API's port answers 404 for both.
 */
export function useOpsAccess(
  fastify: FastifyInstance,
  access: { identify: (req: AuthRequest) => Promise<AuthenticatedUser>; onOpsPort: boolean },
): void {
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const docs = DOCS.test(req.url);
    if (!docs && !METRICS.test(req.url)) return;
    if (access.onOpsPort) return deny(reply, 404, `Route ${req.method}:${req.url} not found`);
    if (!docs) return; // /metrics is a Nest route: the AuthGuard lets admins only
    let user: AuthenticatedUser;
    try {
      user = await access.identify(req);
    } catch (err) {
      if (!(err instanceof HttpException)) throw err;
      return deny(reply, err.getStatus() === 403 ? 403 : 401, err.message);
    }
    if (roleFor(user, DOCS_ROLES) === undefined) {
      const held = (user.roles ?? [user.role]).join(', ');
      return deny(reply, 403, `Role ${held} may not read the API documentation`);
    }
  });
}

function deny(reply: FastifyReply, status: 401 | 403 | 404, message: string) {
  const error = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  return reply.code(status).send({ statusCode: status, error, message });
}
