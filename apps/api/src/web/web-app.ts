import fastifyStatic from '@fastify/static';
import { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The paths of the web app (DESIGN.md "The web app"): each answers the app's index.html and the
 * app routes in the browser. Named one by one, so `/v1`, `/health`, `/metrics`, `/docs` and
 * `/admin/queues` can never be shadowed by the app.
 */
export const WEB_APP_PATHS = [
  '/',
  '/sign-in',
  '/inbox',
  '/board',
  '/follow-ups/:id',
  '/workshops',
  '/workshops/new',
  '/workshops/:id',
  '/dashboard',
  '/audit',
  '/audit/follow-ups/:id',
  '/admin',
  // the admin's sections (web-admin); /admin/queues stays the API's
  '/admin/people/new',
  '/admin/people/:id',
  '/admin/agencies',
  '/admin/api-keys',
  '/admin/webhooks',
  '/admin/dead-letters',
  // wave 2's outcomes: search, meeting series, requests to counterparts, records
  '/search',
  '/meeting-series',
  '/meeting-series/:id',
  '/counterpart-requests',
  '/counterpart-requests/:id',
  '/records',
  '/records/:recordId',
] as const;

/** Hashed file names change with their content, so a browser may keep them for a year. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/** Where `npm run build:web` puts the app; WEB_DIR overrides it (e.g. a container's layout). */
export function webAppDir(): string {
  return resolve(process.env.WEB_DIR ?? join(process.cwd(), 'dist', 'web'));
}

/**
 * Serves the built web app from the API's own origin: hashed assets under /assets/ with a long
 * cache, index.html (never cached: it names the current assets) for the app's paths. Without a
 * build the API runs as before and says so once.
 */
export function useWebApp(fastify: FastifyInstance, dir = webAppDir()): boolean {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    fastify.log.warn(`web app not built (${indexFile} missing): run npm run build:web`);
    return false;
  }
  fastify.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', ASSET_CACHE),
  });
  for (const path of WEB_APP_PATHS) {
    // Read at each request (a small file the OS keeps cached): a new build is served at once,
    // never an index naming assets that a rebuild has replaced.
    fastify.get(path, async (_request, reply) => {
      const index = await readFile(indexFile);
      return reply.header('content-type', 'text/html; charset=utf-8').send(index);
    });
  }
  return true;
}
