import { Controller, Get, ServiceUnavailableException, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@liaison/platform';
import { SystemHealth } from './system-health';

type Reply = { code(status: number): unknown };

/** Outside the `v1` prefix (app.factory.ts): probes must not depend on the API's version. */
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

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 when Postgres and Redis answer, else 503' })
  async ready(@Res({ passthrough: true }) reply: Reply) {
    const report = await this.health.readiness();
    reply.code(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
