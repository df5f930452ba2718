import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { LiaisonConfig, loadConfig } from '../config';
import { createPgPool } from '../database';
import { createRedis, waitUntilReady } from './redis';
import { LIAISON_CONFIG, PG_POOL, REDIS } from './tokens';

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
      provide: REDIS,
      inject: [LIAISON_CONFIG],
      useFactory: async (config: LiaisonConfig) => {
        const redis = createRedis(config.redisUrl, 'producer');
        redis.on('error', () => {}); // reported by /health; ioredis reconnects by itself
        await waitUntilReady(redis, 3000);
        return redis;
      },
    },
  ],
  exports: [LIAISON_CONFIG, PG_POOL, REDIS],
})
export class PlatformModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.pool.end();
  }
}
