import { createServer, Server } from 'node:http';
import { Registry } from 'prom-client';

/**
 * /metrics and /docs-json on a port of their own (OPS_PORT), for a network the public cannot
 * reach: a scraper needs no token there. The Swagger UI stays off this port; load /docs-json
 * into any OpenAPI viewer.
 */
export async function startOpsServer(
  port: number,
  registry: Registry,
  document: object,
): Promise<Server> {
  const docs = JSON.stringify(document);
  const server = createServer((req, res) => {
    res.setHeader('cache-control', 'no-store');
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') {
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    } else if (req.method === 'GET' && path === '/docs-json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(docs);
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Not found' }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  return server;
}
