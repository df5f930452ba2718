import { BadRequestException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { AuditService, decodeCursor } from '@liaison/audit';
import { StoredEvent } from '@liaison/event-store';
import {
  evolveFollowUp,
  evolveWorkshop,
  FollowUpEvent,
  followUpStreamId,
  initialFollowUpState,
  initialWorkshopState,
  WorkshopEvent,
  workshopStreamId,
} from '@liaison/follow-up';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { UuidParam } from '../common/uuid-param.pipe';
import { RateLimitClassOf } from '../edge/rate-limit/rate-limit-class.decorator';
import { AccessLogRequest, AsOfRequest, HistoryRequest } from './audit.requests.dto';

const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
const who = (user: AuthenticatedUser) => ({ actor: user.id, role: user.role });

/** Auditors only: replay, state as of any time, verification and export. Every read is logged. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('events')
  @ApiOperation({ summary: 'The global history in commit-safe order, from a cursor' })
  events(@Query() q: HistoryRequest, @CurrentUser() user: AuthenticatedUser) {
    return this.audit.events(who(user), q.after ? decodeCursor(q.after) : undefined, q.limit);
  }

  @Get('streams/:streamId')
  @ApiOperation({ summary: 'One stream’s events, up to a time (asOf) or a version' })
  async stream(
    @Param('streamId') streamId: string,
    @Query() q: AsOfRequest,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    if (!STREAM_ID.test(streamId)) {
      throw new BadRequestException({
        message: 'streamId is malformed',
        details: [{ field: 'streamId' }],
      });
    }
    const events = await this.audit.stream(who(user), streamId, asOfOptions(q));
    return { streamId, events };
  }

  @Get('follow-ups/:id')
  @ApiOperation({
    summary: 'A follow-up as it stood at a time or version, with the events that made it',
  })
  followUpAsOf(
    @Param('id', UuidParam()) id: string,
    @Query() q: AsOfRequest,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.asOf(user, followUpStreamId(id), q, initialFollowUpState, (s, e) =>
      evolveFollowUp(s, e as unknown as FollowUpEvent),
    );
  }

  @Get('workshops/:id')
  @ApiOperation({
    summary: 'A workshop as it stood at a time or version, with the events that made it',
  })
  workshopAsOf(
    @Param('id', UuidParam()) id: string,
    @Query() q: AsOfRequest,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.asOf(user, workshopStreamId(id), q, initialWorkshopState, (s, e) =>
      evolveWorkshop(s, e as unknown as WorkshopEvent),
    );
  }

  @Get('verify')
  @RateLimitClassOf('audit-scan')
  @ApiOperation({
    summary:
      'Recompute every stream’s hash chain and the signed seals: {ok, checked, firstBroken?}',
  })
  verify(@CurrentUser() user: AuthenticatedUser) {
    return this.audit.verify(who(user));
  }

  @Get('export')
  @RateLimitClassOf('audit-scan')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    summary: 'NDJSON of the whole history with the seals and public key to verify it offline',
  })
  async export(@CurrentUser() user: AuthenticatedUser, @Res() reply: NdjsonReply) {
    const lines = await this.audit.exportLines(who(user));
    reply.header('content-type', 'application/x-ndjson').send(Readable.from(lines));
  }

  @Get('access-log')
  @ApiOperation({ summary: 'Who read or exported what, and when (append-only)' })
  accessLog(@Query() q: AccessLogRequest, @CurrentUser() user: AuthenticatedUser) {
    return this.audit.accessEntries(who(user), {
      actor: q.actor,
      action: q.action,
      since: q.since ? new Date(q.since) : undefined,
      before: q.before,
      limit: q.limit,
    });
  }

  private async asOf<S>(
    user: AuthenticatedUser,
    streamId: string,
    q: AsOfRequest,
    initial: S,
    evolve: (state: S, event: StoredEvent) => S,
  ) {
    // One read, logged once: the events up to the point, and the state they fold to. Times come
    // from the writers' clocks, so the cut is the first version recorded after asOf: a fold
    // never skips a version.
    const read = await this.audit.stream(who(user), streamId, asOfOptions(q));
    const gap = read.findIndex((e, i) => e.version !== i + 1);
    const events = gap === -1 ? read : read.slice(0, gap);
    const state = events.reduce((s, e) => evolve(s, e as unknown as StoredEvent), initial);
    return {
      streamId,
      asOf: q.asOf ?? null,
      version: events[events.length - 1]?.version ?? 0,
      state,
      events,
    };
  }
}

type NdjsonReply = { header(name: string, value: string): { send(body: Readable): void } };

function asOfOptions(q: AsOfRequest) {
  return { asOf: q.asOf ? new Date(q.asOf) : undefined, toVersion: q.toVersion };
}
