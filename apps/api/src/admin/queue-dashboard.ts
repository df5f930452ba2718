import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AgencyDirectory } from '@liaison/follow-up';
import { LIAISON_CONFIG, LiaisonConfig } from '@liaison/platform';
import { allQueueNames, RoutingQueues } from '@liaison/routing';
import { DASHBOARD_COOKIE, DASHBOARD_PATH, dashboardAccess } from './dashboard-access';

const SESSION_SECONDS = 3600;

/**
 * bull-board at /admin/queues, outside Nest's router (so outside its guard): a hook in the
 * dashboard's own Fastify scope lets admins in and turns everyone else away, logging each
 * decision as the AuthGuard does. POST /admin/queues/session with an admin's bearer token
 * sets an HttpOnly cookie, for a browser.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: RoutingQueues,
    private readonly directory: AgencyDirectory,
    @Inject(LIAISON_CONFIG) private readonly config: LiaisonConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return; // an application context without HTTP (specs, scripts)
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    const names = await allQueueNames(this.directory);
    createBullBoard({
      queues: names.map((name) => new BullMQAdapter(this.queues.get(name))),
      serverAdapter,
    });
    await fastify.register(
      async (scope) => {
        scope.addHook('onRequest', (req, reply) => this.guard(req, reply));
        scope.post('/session', (_req, reply) => this.openSession(reply));
        await scope.register(serverAdapter.registerPlugin());
      },
      { prefix: DASHBOARD_PATH },
    );
  }

  private async guard(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const route = `${req.method} ${req.url.split('?')[0]}`;
    const access = dashboardAccess(req, this.config.jwtSecret);
    if (access.allowed) {
      this.logger.log({ decision: 'allow', route, user: access.user.id, role: access.user.role });
      return;
    }
    this.logger.warn({ decision: 'deny', status: access.status, route, reason: access.message });
    const error = access.status === 401 ? 'Unauthorized' : 'Forbidden';
    await reply
      .code(access.status)
      .send({ statusCode: access.status, error, message: access.message });
  }

  /** The guard has let an admin through; the token they used becomes the session cookie. */
  private openSession(reply: FastifyReply) {
    const token = String(reply.request.headers.authorization ?? '').replace(/^Bearer /, '');
    const cookie =
      `${DASHBOARD_COOKIE}=${encodeURIComponent(token)}; Path=${DASHBOARD_PATH}; HttpOnly; ` +
      `SameSite=Strict; Max-Age=${SESSION_SECONDS}` +
      (this.config.nodeEnv === 'production' ? '; Secure' : '');
    return reply.header('set-cookie', cookie).code(204).send();
  }
}
