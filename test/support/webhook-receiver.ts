import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** Answers the n-th request (1-based) to a path with a status, at once or after a while. */
export type Behaviour = (n: number) => number | Promise<number>;

/** An agency's webhook endpoint on 127.0.0.1, whose answers a spec decides per path. */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private server?: Server;
  /** Requests received and not answered yet. */
  pending = 0;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  on(path: string, behaviour: Behaviour): this {
    this.behaviours.set(path, behaviour);
    return this;
  }

  to(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const path = req.url ?? '/';
        const n = this.to(path).length + this.pending + 1;
        this.pending++;
        const status = await (this.behaviours.get(path) ?? (() => 200))(n);
        this.pending--;
        this.requests.push({
          path,
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
          status,
        });
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
