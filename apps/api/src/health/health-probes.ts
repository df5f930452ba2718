import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { SystemHealth } from './system-health';

/**
 * GET /health/live (the process answers) and GET /health/ready (it can serve: Postgres and
 * Redis answer), as orchestrators probe them. Routed on Fastify itself rather than by a
 * controller: the global `v1` prefix spares only the exact paths /health and /metrics
 * (app.factory.ts), and a probe must not depend on the API's version.
 */
@Injectable()
export class HealthProbes implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly health: SystemHealth,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.get('/health/live', async (_req, reply) => {
      void reply.header('cache-control', 'no-store');
      return { status: 'ok' };
    });
    fastify.get('/health/ready', async (_req, reply) => {
      const report = await this.health.readiness();
      void reply.header('cache-control', 'no-store').code(report.status === 'ok' ? 200 : 503);
      return report;
    });
  }
}
