/**
 * A Redis server of the drill's own, on a free loopback port, in a temp directory: the drill
 * shuts it down without saving, which it must never do to a server other people use.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { freePort } from '../demo/processes';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RedisServer {
  private child?: ChildProcess;

  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async create(dir: string): Promise<RedisServer> {
    mkdirSync(dir, { recursive: true });
    return new RedisServer(dir, await freePort());
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** No persistence: a restart loses every queue, the hardest case for what Postgres keeps. */
  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', ''];
    args.push('--appendonly', 'no', '--dir', this.dir, '--maxmemory-policy', 'noeviction');
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.child = child;
    let failure: Error | undefined;
    child.once('error', (err) => (failure = err));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (failure) throw new Error(`cannot start redis-server: ${failure.message}`);
      if (await this.ping()) return;
      if (Date.now() > deadline) throw new Error(`redis-server on ${this.port} did not come up`);
      await sleep(50);
    }
  }

  private async ping(): Promise<boolean> {
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      return true;
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }

  /** `SHUTDOWN NOSAVE`, as an operator taking the node down; waits for the process to end. */
  async shutdownNoSave(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    const client = new Redis(this.url, { maxRetriesPerRequest: 0 });
    client.on('error', () => {});
    await client.call('SHUTDOWN', 'NOSAVE').catch(() => {}); // the connection drops as it ends
    client.disconnect();
    await Promise.race([exited, sleep(5_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
