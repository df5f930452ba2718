import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster, Redis } from 'ioredis';

const run = promisify(execFile);
/** Redis Cluster talks between nodes on the client port plus this. */
const BUS_OFFSET = 10_000;

async function isFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A port that is free, and whose cluster bus port is free too. */
async function freeClusterPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.has(port) || taken.has(port + BUS_OFFSET)) continue;
    if ((await isFree(port)) && (await isFree(port + BUS_OFFSET))) return port;
  }
}

/**
 * A Redis Cluster of a spec's own: `size` masters (no replicas, no persistence) on free ports,
 * their files in a temporary directory, the slots spread by `redis-cli --cluster create`.
 */
export class PrivateRedisCluster {
  private children: ChildProcess[] = [];
  private dir?: string;
  ports: number[] = [];

  /** For REDIS_CLUSTER_NODES. */
  get nodes(): string {
    return this.ports.map((p) => `127.0.0.1:${p}`).join(',');
  }

  async start(size = 3): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'liaison-redis-cluster-'));
    const taken = new Set<number>();
    for (let i = 0; i < size; i++) {
      const port = await freeClusterPort(taken);
      taken.add(port).add(port + BUS_OFFSET);
      this.ports.push(port);
    }
    this.children = this.ports.map((port) =>
      spawn(
        'redis-server',
        [
          ...['--port', String(port), '--bind', '127.0.0.1', '--dir', this.dir!],
          ...['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`],
          ...['--save', '', '--appendonly', 'no'],
        ],
        { stdio: 'ignore' },
      ),
    );
    await Promise.all(this.ports.map((port) => this.waitForPing(port)));
    await run('redis-cli', [
      '--cluster',
      'create',
      ...this.ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    await this.waitForState();
  }

  /** A Cluster client, as the app makes one. */
  client(): Cluster {
    return new Cluster(
      this.ports.map((port) => ({ host: '127.0.0.1', port })),
      { redisOptions: { maxRetriesPerRequest: 1 } },
    );
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
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private async waitForPing(port: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const node = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
      node.on('error', () => {}); // not up yet: the loop tries again
      const ok = await node
        .connect()
        .then(() => node.ping())
        .then(() => true)
        .catch(() => false);
      node.disconnect();
      if (ok) return;
      if (Date.now() > deadline) {
        throw new Error(`redis-server --cluster-enabled on ${port} did not come up`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Every node agrees the cluster is whole (create returns before gossip settles). */
  private async waitForState(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await Promise.all(
        this.ports.map(async (port) => {
          const node = new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1 });
          try {
            return /cluster_state:ok/.test(await node.cluster('INFO'));
          } finally {
            node.disconnect();
          }
        }),
      );
      if (states.every(Boolean)) return;
      if (Date.now() > deadline) throw new Error('the private Redis Cluster did not reach ok');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
