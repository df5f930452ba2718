import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/**
 * A redis-server of a spec's own, on its own port and without persistence, so a spec can stop
 * and restart it (losing everything, as a crashed cache node would) without touching the
 * shared server other specs use.
 */
export class PrivateRedis {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  /** On a port nobody uses now, so that concurrent runs do not meet. */
  static async onFreePort(): Promise<PrivateRedis> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    await new Promise((resolve) => probe.close(resolve));
    return new PrivateRedis(typeof address === 'object' && address ? address.port : 6391);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'],
      { stdio: 'ignore' },
    );
    let failure: Error | undefined;
    this.child.once('error', (err) => (failure = err));
    await this.waitUntilUp(() => failure);
  }

  /** Kills the server at once: whatever it held is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  private async waitUntilUp(failed: () => Error | undefined, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const failure = failed();
      if (failure)
        throw new Error(`cannot start redis-server (is it on the PATH?): ${failure.message}`);
      const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
      const ok = await client
        .connect()
        .then(() => client.ping())
        .then(() => true)
        .catch(() => false);
      client.disconnect();
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`redis on ${this.port} did not come up`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
