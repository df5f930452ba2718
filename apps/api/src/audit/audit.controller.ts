import { BadRequestException, Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { AuditService, decodeCursor, encodeCursor, Fold } from '@liaison/audit';
import { isStreamId, START } from '@liaison/event-store';
import {
  evolveFollowUp,
  evolveWorkshop,
  FollowUpEvent,
  FollowUpState,
  followUpStreamId,
  initialFollowUpState,
  initialWorkshopState,
  WorkshopEvent,
  WorkshopState,
  workshopStreamId,
} from '@liaison/follow-up';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { UuidParam } from '../common/uuid-param.pipe';
import { RateLimitClassOf } from '../edge/rate-limit/rate-limit-class.decorator';
import { AccessLogRequest, AsOfRequest, ExportRequest, HistoryRequest } from './audit.requests.dto';
import { AsOfDto, HistoryPageDto, VerifyReportDto } from './audit.response.dto';
import { AUDIT_REASON_HEADER, HeaderCarrier } from '../common/audit-reason-header';
import { AuditReasons } from './audit-reason';

const REASON_HEADER_DOC = {
  name: 'X-Audit-Reason',
  required: false,
  description:
    'why you read it; required when the item is restricted or confidential (400). ' +
    'Percent-encoded UTF-8 (encodeURIComponent) is decoded, for reasons in Korean',
};

const who = (user: AuthenticatedUser) => ({ actor: user.id, role: user.role });

/** The domain's folds over stored events (the deciders wrote them, so their shape is known). */
const followUpFold: Fold<FollowUpState> = {
  initialState: initialFollowUpState,
  evolve: (s, e) => evolveFollowUp(s, e as unknown as FollowUpEvent),
};
const workshopFold: Fold<WorkshopState> = {
  initialState: initialWorkshopState,
  evolve: (s, e) => evolveWorkshop(s, e as unknown as WorkshopEvent),
};

/** Auditors only: replay, state as of any time, verification and export. Every read is logged. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly reasons: AuditReasons,
  ) {}

  @Get('events')
  @ApiOperation({
    summary:
      'The global history in commit-safe order, from a cursor, filtered by type, stream, actor ' +
      'and time (a page shorter than `limit` is the end)',
  })
  @ApiHeader({
    ...REASON_HEADER_DOC,
    description:
      'why you read it; required when the page holds events of a restricted or confidential ' +
      'item (400), each of which the access log then names. ' +
      'Percent-encoded UTF-8 (encodeURIComponent) is decoded, for reasons in Korean',
  })
  @ApiOkResponse({ type: HistoryPageDto })
  async events(
    @Query() q: HistoryRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: HeaderCarrier,
  ) {
    const accessor = this.reasons.who(user, request);
    const after = q.after ? decodeCursor(q.after) : START;
    const page = await this.audit.events(accessor, after, q.limit, {
      type: q.type,
      streamId: q.stream,
      actor: q.actor,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    });
    await this.reasons.checkPage(accessor, page.events, encodeCursor(after), q.stream);
    return page;
  }

  @Get('streams/:streamId')
  @ApiHeader(REASON_HEADER_DOC)
  @ApiOperation({ summary: 'One stream’s events, up to a time (asOf) or a version' })
  async stream(
    @Param('streamId') streamId: string,
    @Query() q: AsOfRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: HeaderCarrier,
  ) {
    if (!isStreamId(streamId)) {
      throw new BadRequestException({
        message: 'streamId is malformed',
        details: [{ field: 'streamId' }],
      });
    }
    const accessor = await this.reasons.accessor(user, streamId, request);
    const events = await this.audit.stream(accessor, streamId, asOfOptions(q));
    return { streamId, events };
  }

  @Get('follow-ups/:id')
  @ApiHeader(REASON_HEADER_DOC)
  @ApiOperation({
    summary: 'A follow-up as it stood at a time or version, with the events that made it',
  })
  @ApiOkResponse({ type: AsOfDto })
  followUpAsOf(
    @Param('id', UuidParam()) id: string,
    @Query() q: AsOfRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: HeaderCarrier,
  ) {
    return this.asOf(user, followUpStreamId(id), q, followUpFold, request);
  }

  @Get('workshops/:id')
  @ApiHeader(REASON_HEADER_DOC)
  @ApiOperation({
    summary: 'A workshop as it stood at a time or version, with the events that made it',
  })
  workshopAsOf(
    @Param('id', UuidParam()) id: string,
    @Query() q: AsOfRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: HeaderCarrier,
  ) {
    return this.asOf(user, workshopStreamId(id), q, workshopFold, request);
  }

  @Get('verify')
  @RateLimitClassOf('audit-scan')
  @ApiOperation({
    summary:
      'Recompute every stream’s hash chain and the signed seals: {ok, checked, firstBroken?}',
  })
  @ApiOkResponse({ type: VerifyReportDto })
  verify(@CurrentUser() user: AuthenticatedUser) {
    return this.audit.verify(who(user));
  }

  @Get('export')
  @RateLimitClassOf('audit-scan')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    summary: 'NDJSON of the whole history with the seals and public key to verify it offline',
  })
  @ApiHeader({
    ...REASON_HEADER_DOC,
    description:
      'why you export it; required when the log holds restricted or confidential items (400), ' +
      'each of which the access log then names; or the `reason` parameter',
  })
  async export(
    @Query() q: ExportRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: HeaderCarrier,
    @Res() reply: NdjsonReply,
  ) {
    const carrier =
      q.reason === undefined ? request : { headers: { [AUDIT_REASON_HEADER]: q.reason } };
    const accessor = this.reasons.who(user, carrier);
    await this.reasons.checkExport(accessor);
    const lines = await this.audit.exportLines(accessor);
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
    fold: Fold<S>,
    request: HeaderCarrier,
  ) {
    const accessor = await this.reasons.accessor(user, streamId, request);
    const { version, state, events } = await this.audit.asOf(
      accessor,
      streamId,
      asOfOptions(q),
      fold,
    );
    return { streamId, asOf: q.asOf ?? null, version, state, events }; // asOf as the caller wrote it
  }
}

type NdjsonReply = { header(name: string, value: string): { send(body: Readable): void } };

function asOfOptions(q: AsOfRequest) {
  return { asOf: q.asOf ? new Date(q.asOf) : undefined, toVersion: q.toVersion };
}
