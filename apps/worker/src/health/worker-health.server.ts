import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { LIAISON_CONFIG, LiaisonConfig } from '@liaison/platform';
import { WorkerReadiness } from './worker-readiness';

/**
 * The worker's /health/live, /health/ready (also /health) and /metrics on WORKER_HEALTH_PORT.
 * A plain node:http server: a worker takes no other requests, so a framework would only add
 * weight. Liveness answers while the event loop does; readiness asks the dependencies.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHealth');
  private server?: Server;

  constructor(
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
    private readonly readiness: WorkerReadiness,
    private readonly registry: Registry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => {
      this.route(req, res).catch(() => send(res, 500, { status: 'error' }));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.workerHealthPort, '0.0.0.0', () => resolve());
    });
    server.on('error', (err) => this.logger.error({ msg: 'health server failed', err }));
    this.logger.log({ msg: 'worker health listening', port: this.port });
  }

  /** The port it listens on (WORKER_HEALTH_PORT=0 picks one). */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET') return send(res, 405, { status: 'method not allowed' });
    switch (path) {
      case '/health/live':
        return send(res, 200, { status: 'ok' });
      case '/health':
      case '/health/ready': {
        const report = await this.readiness.report();
        return send(res, report.status === 'ok' ? 200 : 503, report);
      }
      case '/metrics':
        res.writeHead(200, { 'content-type': this.registry.contentType });
        res.end(await this.registry.metrics());
        return;
      default:
        return send(res, 404, { status: 'not found' });
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
