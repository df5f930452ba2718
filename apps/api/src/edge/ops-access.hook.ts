import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedUser, TokenError, UserRole, verifyToken } from '@liaison/platform';

/** The API's description: for the people who build against it, not for the public. */
export const DOCS_ROLES: readonly UserRole[] = ['admin', 'auditor'];
const DOCS = /^\/docs(?:[/?-]|$)/;
const METRICS = /^\/metrics(?:[/?]|$)/;

/**
 * Swagger's routes are Fastify's, outside Nest's router and so its guard: this hook lets only
 * admins and auditors with a valid bearer token read them. When the docs and /metrics live on
 * the ops port instead, the API's port answers 404 for both.
 */
export function useOpsAccess(
  fastify: FastifyInstance,
  access: { jwtSecret: string; jwtMaxLifetimeS: number; onOpsPort: boolean },
): void {
  fastify.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const docs = DOCS.test(req.url);
    if (!docs && !METRICS.test(req.url)) return;
    if (access.onOpsPort) return deny(reply, 404, `Route ${req.method}:${req.url} not found`);
    if (!docs) return; // /metrics is a Nest route: the AuthGuard lets admins only
    const [scheme, token] = String(req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) return deny(reply, 401, 'A bearer token is required');
    let user: AuthenticatedUser;
    try {
      user = verifyToken(token, access.jwtSecret, access.jwtMaxLifetimeS);
    } catch (err) {
      return deny(reply, 401, err instanceof TokenError ? err.message : 'invalid token');
    }
    if (!DOCS_ROLES.includes(user.role)) {
      return deny(reply, 403, `Role ${user.role} may not read the API documentation`);
    }
  });
}

function deny(reply: FastifyReply, status: 401 | 403 | 404, message: string) {
  const error = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  return reply.code(status).send({ statusCode: status, error, message });
}
