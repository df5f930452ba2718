import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AgencyDirectory } from '@liaison/follow-up';
import { SessionService } from '@liaison/identity';
import { AuthenticatedUser, AuthGuard } from '@liaison/platform';
import { allQueueNames, RoutingQueues } from '@liaison/routing';
import { cookie, DASHBOARD_COOKIE, DASHBOARD_PATH, dashboardAccess } from './dashboard-access';
import { DashboardSessions } from './dashboard-sessions';

const isSessionRoute = (req: FastifyRequest) =>
  req.url.split('?')[0] === `${DASHBOARD_PATH}/session`;

const SESSION_SECONDS = 3600;

/**
 * bull-board at /admin/queues, outside Nest's router (so outside its guard): a hook in the
 * dashboard's own Fastify scope lets admins in and turns everyone else away, logging each
 * decision as the AuthGuard does. POST /admin/queues/session with an admin's credential (any
 * the API accepts) sets an HttpOnly cookie holding an opaque session id, for a browser (never the token itself);
 * DELETE /admin/queues/session ends it.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: RoutingQueues,
    private readonly directory: AgencyDirectory,
    private readonly sessions: DashboardSessions,
    private readonly moduleRef: ModuleRef,
    /** Whether a cookie is Secure: the session cookie's rule, the one rule for every cookie. */
    private readonly sessionCookies: SessionService,
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
        scope.post('/session', (req, reply) => this.openSession(req, reply));
        scope.delete('/session', (req, reply) => this.closeSession(req, reply));
        await scope.register(serverAdapter.registerPlugin());
      },
      { prefix: DASHBOARD_PATH },
    );
  }

  private async guard(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const route = `${req.method} ${req.url.split('?')[0]}`;
    // The app's guard (AppModule's), for the credentials it accepts; absent in a bare module.
    const guard = this.moduleRef.get(AuthGuard, { strict: false });
    const access = await dashboardAccess(req, {
      identify: (r) => guard.identify(r),
      sessions: this.sessions,
    });
    if (
      access.allowed &&
      isSessionRoute(req) &&
      req.method === 'POST' &&
      access.via !== 'credential'
    ) {
      // a dashboard session opens no other: a stolen cookie cannot renew itself
      return this.deny(reply, route, 401, 'A credential is required to open a session');
    }
    if (access.allowed) {
      (req as FastifyRequest & { dashboardUser?: AuthenticatedUser }).dashboardUser = access.user;
      this.logger.log({ decision: 'allow', route, user: access.user.id, role: access.user.role });
      return;
    }
    await this.deny(reply, route, access.status, access.message);
  }

  private async deny(reply: FastifyReply, route: string, status: 401 | 403, message: string) {
    this.logger.warn({ decision: 'deny', status, route, reason: message });
    const error = status === 401 ? 'Unauthorized' : 'Forbidden';
    await reply.code(status).send({ statusCode: status, error, message });
  }

  /** The guard has let an admin with a credential through: a new session for them. */
  private async openSession(req: FastifyRequest, reply: FastifyReply) {
    const user = (req as FastifyRequest & { dashboardUser?: AuthenticatedUser }).dashboardUser!;
    const seconds = Math.min(SESSION_SECONDS, bearerLifetimeS(req) ?? SESSION_SECONDS);
    if (seconds <= 0)
      return this.deny(reply, 'POST /admin/queues/session', 401, 'The token has expired');
    const id = await this.sessions.open(user, seconds);
    return reply
      .header('set-cookie', this.cookie(req, id, seconds))
      .code(204)
      .send();
  }

  private async closeSession(req: FastifyRequest, reply: FastifyReply) {
    const id = cookie(req, DASHBOARD_COOKIE);
    if (id) await this.sessions.close(id);
    return reply
      .header('set-cookie', this.cookie(req, '', 0))
      .code(204)
      .send();
  }

  private cookie(req: FastifyRequest, value: string, maxAge: number): string {
    return (
      `${DASHBOARD_COOKIE}=${value}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict; ` +
      `Max-Age=${maxAge}` +
      (this.sessionCookies.secure(req) ? '; Secure' : '')
    );
  }
}

/**
 * The seconds left to the bearer JWT the session is opened with (its `exp`, already verified by
 * the guard): a dashboard session outlives no token. Undefined for anything else (an API key,
 * a session cookie), which the sessions check again on every request.
 */
function bearerLifetimeS(req: FastifyRequest): number | undefined {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  const parts = scheme === 'Bearer' && token ? token.split('.') : [];
  if (parts.length !== 3) return undefined;
  try {
    const { exp } = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof exp === 'number' ? Math.floor(exp - Date.now() / 1000) : undefined;
  } catch {
    return undefined;
  }
}
