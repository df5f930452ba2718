import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { PG_POOL, Public, REDIS } from '@liaison/platform';
import { ProjectionStatusReader } from './projection-status';

type Check = { status: 'up' | 'down' };

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
  } catch {
    return { status: 'down' }; // the reason goes to the logs of the dependency, not to the public
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
    private readonly projections: ProjectionStatusReader,
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
    const up = postgres.status === 'up' && redis.status === 'up';
    // Lag is reported, not judged: a rebuild or a burst of writes is not an outage.
    const projections = up ? await this.projections.read().catch(() => []) : [];
    const body = {
      status: up ? 'ok' : 'degraded',
      checks: { postgres, redis },
      projections: projections.map(({ name, position, lag }) => ({ name, position, lag })),
    };
    if (body.status !== 'ok')
      throw new ServiceUnavailableException({ message: 'dependency down', details: body });
    return body;
  }
}
