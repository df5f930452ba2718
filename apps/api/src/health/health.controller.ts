import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@liaison/platform';
import { SystemHealth } from './system-health';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: SystemHealth) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'The whole system: 200 "ok", or 503 "degraded" when Postgres or Redis is down, a ' +
      'subscription lags past HEALTH_MAX_LAG or no worker beat within ' +
      'HEALTH_MAX_HEARTBEAT_AGE_MS. Liveness and readiness: /health/live, /health/ready',
  })
  async system() {
    const body = await this.health.system();
    if (body.status !== 'ok')
      throw new ServiceUnavailableException({ message: body.problems.join('; '), details: body });
    return body;
  }
}
