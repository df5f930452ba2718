import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { PG_POOL, Public, REDIS } from '@liaison/platform';

type Check = { status: 'up' | 'down'; error?: string };

async function check(probe: () => Promise<unknown>, timeoutMs = 1000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)),
      ),
    ]);
    return { status: 'up' };
  } catch (err) {
    return { status: 'down', error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Liveness and dependencies: 200 when Postgres and Redis answer, else 503',
  })
  async health() {
    const [postgres, redis] = await Promise.all([
      check(() => this.pool.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    const body = {
      status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded',
      checks: { postgres, redis },
    };
    if (body.status !== 'ok')
      throw new ServiceUnavailableException({ message: 'dependency down', details: body });
    return body;
  }
}
