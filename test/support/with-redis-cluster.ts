/**
 * Runs a command against a private three-node Redis Cluster, then tears the cluster down:
 *   node -r @swc-node/register test/support/with-redis-cluster.ts npx jest test/routing
 * The routing harness sees SPEC_REDIS_CLUSTER_NODES and puts every spec's queues on it.
 */
import { spawn } from 'node:child_process';
import { PrivateRedisCluster } from './private-redis-cluster';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('usage: with-redis-cluster.ts <command> [args…]');
  const cluster = new PrivateRedisCluster();
  await cluster.start(3);
  console.log(`Redis Cluster on ${cluster.nodes}`);
  try {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, SPEC_REDIS_CLUSTER_NODES: cluster.nodes },
    });
    // Ctrl-C or a timeout reaches the command; the cluster goes once it has ended.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => child.kill(signal));
    }
    return await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  } finally {
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
