import helmet from '@fastify/helmet';
import { FastifyInstance } from 'fastify';

/**
 * Helmet's headers, with a policy a web app served from this origin can live with: its own
 * scripts, styles and fetches; inline styles (the docs and the queue dashboard use them); images
 * from data URLs; no framing, no plugins, no other origin.
 */
export const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    upgradeInsecureRequests: null,
  },
};

/** Security headers on every answer, and no caching of any: answers carry people's work. */
export async function useSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY, global: true });
  fastify.addHook('onRequest', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
}
