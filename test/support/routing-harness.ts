/**
 * Routing specs run on their own database and BullMQ prefix, with the routing workers either
 * in the spec's process (a Nest context like the worker's) or in child processes
 * (test/fixtures/routing-worker.process.ts) that get the same settings through the environment.
 */
import { Module, Type } from '@nestjs/common';
import { CqrsModule, CommandBus } from '@nestjs/cqrs';
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import { Pool } from 'pg';
import { EventStore, EventStoreModule } from '@liaison/event-store';
import { FollowUpModule } from '@liaison/follow-up';
import {
  LIAISON_CONFIG,
  loadConfig,
  MetricsModule,
  PG_POOL,
  PlatformModule,
  waitUntilReady,
} from '@liaison/platform';
import {
  loadRoutingConfig,
  queueKeyPattern,
  ROUTING_CONFIG,
  RoutingModule,
  RoutingQueues,
} from '@liaison/routing';
import { RoutingWorkerModule } from '../../apps/worker/src/routing/routing-worker.module';
import { startTestApi, TestApi } from './api';
import { createPrivateDatabase, dropPrivateDatabase } from './throwaway-database';

export interface RoutingTestEnv {
  databaseName: string;
  databaseUrl: string;
  /** DATABASE_DIRECT_URL, when a spec wants it to differ from databaseUrl. */
  databaseDirectUrl?: string;
  redisUrl: string;
  /** REDIS_CLUSTER_NODES: the queues live on a Redis Cluster, not on redisUrl. */
  redisClusterNodes?: string;
  prefix: string;
  /** Routing variables (REMINDER_LEAD_MS, …) as the worker processes read them. */
  routingEnv: Record<string, string>;
}

/** Fast settings for specs: quick retries, quick lock expiry, a quick sweep. */
const SPEC_ROUTING_ENV = {
  DELIVERY_BACKOFF_MS: '20',
  WEBHOOK_TIMEOUT_MS: '2000',
  RELAY_POLL_MS: '50',
  JOB_LOCK_MS: '2000',
  SWEEP_INTERVAL_MS: '1000',
  REDELIVER_AFTER_MS: '2000',
  // the receivers listen on 127.0.0.1 over plain http, which webhooks may not use by default
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
};

/**
 * With SPEC_REDIS_CLUSTER_NODES set (test/support/with-redis-cluster.ts sets it), every spec that
 * does not bring a Redis of its own runs its queues on that cluster.
 */
export async function prepareRoutingEnv(
  tag: string,
  options: {
    redisUrl?: string;
    redisClusterNodes?: string;
    routingEnv?: Record<string, string>;
  } = {},
): Promise<RoutingTestEnv> {
  const databaseName = `liaison_test_routing_${tag}`;
  const prefix = `spec-${tag}-${randomUUID().slice(0, 8)}`;
  return {
    databaseName,
    databaseUrl: await createPrivateDatabase(databaseName),
    redisUrl: options.redisUrl ?? 'redis://127.0.0.1:6379',
    redisClusterNodes:
      options.redisClusterNodes ??
      (options.redisUrl ? undefined : process.env.SPEC_REDIS_CLUSTER_NODES || undefined),
    prefix,
    routingEnv: { ...SPEC_ROUTING_ENV, QUEUE_PREFIX: prefix, ...options.routingEnv },
  };
}

/** REDIS_URL, and REDIS_CLUSTER_NODES on a cluster, as the apps read them. */
function redisVars(env: RoutingTestEnv): Record<string, string> {
  return {
    REDIS_URL: env.redisUrl,
    ...(env.redisClusterNodes && { REDIS_CLUSTER_NODES: env.redisClusterNodes }),
  };
}

/** The environment of a worker process for this spec. */
export function workerProcessEnv(env: RoutingTestEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    TEST_DATABASE_URL: env.databaseUrl,
    ...redisVars(env),
    DB_POOL_SIZE: '12',
    LOG_LEVEL: process.env.SPEC_LOG_LEVEL ?? 'silent',
    ...env.routingEnv,
  };
}

export interface RoutingApp {
  module: TestingModule;
  bus: CommandBus;
  pool: Pool;
  store: EventStore;
  queues: RoutingQueues;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

/** A Nest context on the spec's database and prefix; with `workers`, the routing runs in it. */
export async function startRoutingApp(
  env: RoutingTestEnv,
  { workers = true }: { workers?: boolean } = {},
): Promise<RoutingApp> {
  @Module({
    imports: [
      PlatformModule,
      MetricsModule,
      EventStoreModule,
      CqrsModule.forRoot(),
      FollowUpModule,
      RoutingModule,
      ...(workers ? [RoutingWorkerModule] : []),
    ],
  })
  class RoutingSpecModule {}

  const platform = {
    ...loadConfig({ NODE_ENV: 'test', ...redisVars(env) }),
    databaseUrl: env.databaseUrl,
    databaseDirectUrl: env.databaseDirectUrl ?? env.databaseUrl,
    redisUrl: env.redisUrl,
    dbPoolSize: 10,
  };
  const module = await Test.createTestingModule({ imports: [RoutingSpecModule] })
    .overrideProvider(LIAISON_CONFIG)
    .useValue(platform)
    .overrideProvider(ROUTING_CONFIG)
    .useValue(loadRoutingConfig(env.routingEnv))
    .compile();
  module.useLogger(process.env.SPEC_LOG_LEVEL ? ['log', 'warn', 'error'] : false);
  module.enableShutdownHooks();
  await module.init();
  return {
    module,
    bus: module.get(CommandBus),
    pool: module.get<Pool>(PG_POOL),
    store: module.get(EventStore),
    queues: module.get(RoutingQueues),
    get: (type) => module.get(type),
    close: () => module.close(),
  };
}

/** Removes the spec's BullMQ keys from Redis and its database. */
export async function cleanUpRoutingEnv(env: RoutingTestEnv): Promise<void> {
  const nodes = env.redisClusterNodes?.split(',').map((n) => {
    const [host, port] = n.split(':');
    return { host, port: Number(port) };
  });
  const redis = nodes
    ? new Cluster(nodes, { redisOptions: { maxRetriesPerRequest: 1 } })
    : new Redis(env.redisUrl, { maxRetriesPerRequest: 1 });
  const pattern = queueKeyPattern(env.prefix, Boolean(nodes));
  try {
    await waitUntilReady(redis, 5000);
    // On a cluster each master holds its own share of the keys: scan them all.
    for (const node of redis instanceof Cluster ? redis.nodes('master') : [redis]) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        // One key at a time: on a cluster the keys of one DEL must share a slot.
        await Promise.all(keys.map((key) => node.del(key)));
        cursor = next;
      } while (cursor !== '0');
    }
  } catch {
    // a private Redis that is already gone holds nothing to clean
  } finally {
    redis.disconnect();
  }
  await dropPrivateDatabase(env.databaseName);
}

/** How many events of `type` each follow-up's stream holds. */
export async function eventCounts(
  pool: Pool,
  type: string,
  followUpIds: readonly string[],
): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ stream_id: string; n: number }>(
    `SELECT stream_id, count(*)::int AS n FROM events
     WHERE type = $1 AND stream_id = ANY($2::text[]) GROUP BY stream_id`,
    [type, followUpIds.map((id) => `follow-up-${id}`)],
  );
  const counts = new Map(followUpIds.map((id) => [id, 0]));
  for (const r of rows) counts.set(r.stream_id.slice('follow-up-'.length), r.n);
  return counts;
}

export async function eventTypes(store: EventStore, followUpId: string): Promise<string[]> {
  return (await store.readStream(`follow-up-${followUpId}`)).map((e) => e.type);
}

/** The real API (admin routes included) on the spec's database and BullMQ prefix. */
export async function startRoutingApi(env: RoutingTestEnv): Promise<TestApi> {
  const vars = { TEST_DATABASE_URL: env.databaseUrl, ...redisVars(env), ...env.routingEnv };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await startTestApi();
  } finally {
    // Other spec files in this process must not inherit the spec's database.
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
