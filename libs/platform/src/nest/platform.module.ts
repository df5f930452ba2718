import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { LiaisonConfig, loadConfig } from '../config';
import { createPgPool } from '../database';
import { createRedis, RedisClient, waitUntilReady } from './redis';
import { DIRECT_PG_POOL, LIAISON_CONFIG, PG_POOL, REDIS } from './tokens';

/** Configuration (validated once, at boot), the Postgres pool and Redis, for every module. */
@Global()
@Module({
  providers: [
    { provide: LIAISON_CONFIG, useFactory: () => loadConfig() },
    {
      provide: PG_POOL,
      inject: [LIAISON_CONFIG],
      useFactory: (config: LiaisonConfig) =>
        createPgPool(config.databaseUrl, config.dbPoolSize, `liaison-${process.pid}`),
    },
    {
      // Subscriptions hold one connection each and LISTEN holds one: a handful is enough.
      provide: DIRECT_PG_POOL,
      inject: [LIAISON_CONFIG, PG_POOL],
      useFactory: (config: LiaisonConfig, pool: Pool) =>
        config.databaseDirectUrl === config.databaseUrl
          ? pool
          : createPgPool(config.databaseDirectUrl, 10, `liaison-direct-${process.pid}`),
    },
    {
      provide: REDIS,
      inject: [LIAISON_CONFIG],
      useFactory: async (config: LiaisonConfig) => {
        const redis = createRedis(config, 'producer');
        redis.on('error', () => {}); // reported by /health; ioredis reconnects by itself
        await waitUntilReady(redis, 3000);
        return redis;
      },
    },
  ],
  exports: [LIAISON_CONFIG, PG_POOL, DIRECT_PG_POOL, REDIS],
})
export class PlatformModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(DIRECT_PG_POOL) private readonly directPool: Pool,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.pool.end();
    if (this.directPool !== this.pool) await this.directPool.end();
  }
}
