import { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';
import { ServerResponse } from 'node:http';

/**
 * Helmet's headers, with a policy a web app served from this origin can live with: its own
 * scripts, styles and fetches; inline styles (the docs and the queue dashboard use them); images
 * from data URLs; no framing, no plugins, no other origin.
 */
export const HELMET_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
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
  },
};

/**
 * The headers Helmet sets with these options, worked out once. Without nonces they are the same
 * on every answer; @fastify/helmet built Helmet again for each request (its directive parsing
 * was 1.4 % of the API's CPU in bench:api).
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const capture = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: () => undefined,
  } as unknown as ServerResponse;
  helmet(options)({} as never, capture, () => undefined);
  return headers;
}

/** Security headers on every answer, and no caching of any: answers carry people's work. */
export function useSecurityHeaders(fastify: FastifyInstance): void {
  const headers = { ...helmetHeaders(HELMET_OPTIONS), 'cache-control': 'no-store' };
  fastify.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
