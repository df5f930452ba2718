import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { LiveChanges } from './live-changes';

/** Comments keep proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

@ApiTags('live')
@Controller('live')
export class LiveController {
  constructor(private readonly live: LiveChanges) {}

  @Get()
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({
    summary:
      'Server-sent events: `follow-up` {followUpId, status, version, position} for each change ' +
      'to a task the caller may see, once the views have it (read it with minPosition)',
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
    const end = () => {
      if (!open) return;
      open = false;
      clearInterval(keepAlive);
      unsubscribe();
      raw.end();
    };
    const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    const unsubscribe = await this.live.subscribe({
      user,
      send: (change) => raw.write(`event: follow-up\ndata: ${JSON.stringify(change)}\n\n`),
      end,
    });
    request.raw.on('close', end);
  }
}
