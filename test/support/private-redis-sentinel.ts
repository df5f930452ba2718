import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { PrivateRedis } from './private-redis';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks a server something until `ready` likes the answer. */
async function poll<T>(
  port: number,
  ask: (client: Redis) => Promise<T>,
  ready: (answer: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
    client.on('error', () => {}); // not up yet: the loop tries again
    const answer = await client
      .connect()
      .then(() => ask(client))
      .catch(() => undefined);
    client.disconnect();
    if (answer !== undefined && ready(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`private Sentinel set-up: no ${what}`);
    await sleep(50);
  }
}

/**
 * A Redis master, a replica of it, and one Sentinel watching them (quorum 1, quick to declare
 * the master down), each on a free port; the Sentinel's file, which it rewrites, in a temporary
 * directory.
 */
export class PrivateRedisSentinel {
  readonly masterName = 'liaison-spec';
  master?: PrivateRedis;
  replicaPort = 0;
  sentinelPort = 0;
  private children: ChildProcess[] = [];
  private dir?: string;

  /** For REDIS_SENTINELS. */
  get sentinels(): string {
    return `127.0.0.1:${this.sentinelPort}`;
  }

  async start(): Promise<void> {
    this.master = await PrivateRedis.onFreePort();
    await this.master.start();
    this.replicaPort = (await PrivateRedis.onFreePort()).port;
    this.children.push(
      spawn(
        'redis-server',
        [
          ...['--port', String(this.replicaPort), '--bind', '127.0.0.1'],
          ...['--save', '', '--appendonly', 'no'],
          ...['--replicaof', '127.0.0.1', String(this.master.port)],
        ],
        { stdio: 'ignore' },
      ),
    );
    await poll(
      this.replicaPort,
      (c) => c.info('replication'),
      (info) => info.includes('master_link_status:up'),
      'replication link',
    );
    this.sentinelPort = (await PrivateRedis.onFreePort()).port;
    this.dir = await mkdtemp(join(tmpdir(), 'liaison-redis-sentinel-'));
    const file = join(this.dir, 'sentinel.conf');
    const name = this.masterName;
    await writeFile(
      file,
      [
        `port ${this.sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${this.dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${this.master.port} 1`,
        `sentinel down-after-milliseconds ${name} 500`,
        `sentinel failover-timeout ${name} 5000`,
      ].join('\n') + '\n',
    );
    this.children.push(spawn('redis-server', [file, '--sentinel'], { stdio: 'ignore' }));
    // The Sentinel knows the replica (from the master's INFO) before a failover can use it.
    await poll(
      this.sentinelPort,
      (c) => c.call('SENTINEL', 'replicas', name) as Promise<unknown[]>,
      (replicas) => Array.isArray(replicas) && replicas.length > 0,
      'replica known to the Sentinel',
    );
  }

  /** The port of the master the Sentinel names now. */
  async masterPort(): Promise<number> {
    const address = await poll(
      this.sentinelPort,
      (c) => c.call('SENTINEL', 'get-master-addr-by-name', this.masterName) as Promise<string[]>,
      (a) => Array.isArray(a),
      'master address',
    );
    return Number(address[1]);
  }

  /** Kills the master; resolves once the Sentinel has promoted the replica. */
  async failOver(timeoutMs = 20_000): Promise<void> {
    await this.master?.kill();
    const deadline = Date.now() + timeoutMs;
    while ((await this.masterPort()) !== this.replicaPort) {
      if (Date.now() > deadline) throw new Error('the Sentinel did not promote the replica');
      await sleep(100);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map((child) => {
        if (child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        return exited;
      }),
    );
    this.children = [];
    await this.master?.kill();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}
