import { Controller, Get, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedUser, AuthGuard, CurrentUser, Roles, UserRole } from '@liaison/platform';
import { LiveChanges, LiveSubscriber } from './live-changes';

/** Comments keep proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;
/**
 * How often an open stream asks again who its caller is: a sign-out, a deactivation, a revoked
 * role or key ends it within this time (a stream is one request, so the guard saw it once).
 */
export const LIVE_RECHECK_MS = 5_000;
const LIVE_ROLES: UserRole[] = ['bureau_head', 'agency_officer', 'auditor'];

@ApiTags('live')
@Controller('live')
export class LiveController {
  constructor(
    private readonly live: LiveChanges,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get()
  @Roles(...LIVE_ROLES)
  @ApiOperation({
    summary:
      'Server-sent events: `follow-up` {followUpId, status, version, position} for each change ' +
      'to a task the caller may see, once the views have it (read it with minPosition); ' +
      '`ended` {reason} and the stream closes when the session or role that opened it ends',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an event stream that stays open' })
  async stream(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write('retry: 2000\n\n');
    let open = true;
    const end = (reason?: string) => {
      if (!open) return;
      open = false;
      if (reason !== undefined) raw.write(`event: ended\ndata: ${JSON.stringify({ reason })}\n\n`);
      clearInterval(keepAlive);
      clearInterval(recheck);
      unsubscribe();
      raw.end();
    };
    const subscriber: LiveSubscriber = {
      user,
      send: (change) => raw.write(`event: follow-up\ndata: ${JSON.stringify(change)}\n\n`),
      end,
    };
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const recheck = setInterval(() => void this.recheck(request, subscriber), LIVE_RECHECK_MS);
    const unsubscribe = await this.live.subscribe(subscriber);
    request.raw.on('close', () => end());
  }

  /** The caller as they are now (their agency may have moved too), or the stream ends. */
  private async recheck(request: FastifyRequest, subscriber: LiveSubscriber): Promise<void> {
    try {
      const guard = this.moduleRef.get(AuthGuard, { strict: false });
      subscriber.user = await guard.authorize(request, LIVE_ROLES);
    } catch (err) {
      subscriber.end(err instanceof Error ? err.message : 'The credential has ended');
    }
  }
}
