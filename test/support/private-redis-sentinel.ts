import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { PrivateRedis } from './private-redis';

/**
 * A Redis master and one Sentinel watching it, each on a free port, the Sentinel's file (which
 * it rewrites) in a temporary directory.
 */
export class PrivateRedisSentinel {
  readonly masterName = 'liaison-spec';
  master?: PrivateRedis;
  private sentinel?: ChildProcess;
  private dir?: string;
  sentinelPort = 0;

  /** For REDIS_SENTINELS. */
  get sentinels(): string {
    return `127.0.0.1:${this.sentinelPort}`;
  }

  async start(): Promise<void> {
    this.master = await PrivateRedis.onFreePort();
    await this.master.start();
    this.sentinelPort = (await PrivateRedis.onFreePort()).port;
    this.dir = await mkdtemp(join(tmpdir(), 'liaison-redis-sentinel-'));
    const file = join(this.dir, 'sentinel.conf');
    await writeFile(
      file,
      [
        `port ${this.sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${this.dir}`,
        `sentinel monitor ${this.masterName} 127.0.0.1 ${this.master.port} 1`,
      ].join('\n') + '\n',
    );
    this.sentinel = spawn('redis-server', [file, '--sentinel'], { stdio: 'ignore' });
    await this.waitForMaster();
  }

  async stop(): Promise<void> {
    const child = this.sentinel;
    this.sentinel = undefined;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    await this.master?.kill();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  /** The Sentinel answers with the master's address once it watches it. */
  private async waitForMaster(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const client = new Redis(this.sentinelPort, '127.0.0.1', {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
      });
      client.on('error', () => {}); // not up yet: the loop tries again
      const address = await client
        .connect()
        .then(() => client.call('SENTINEL', 'get-master-addr-by-name', this.masterName))
        .catch(() => null);
      client.disconnect();
      if (Array.isArray(address)) return;
      if (Date.now() > deadline) throw new Error('the private Sentinel did not come up');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
