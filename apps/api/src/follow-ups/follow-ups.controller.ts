import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CommandMeta,
  ExecuteFollowUpCommand,
  FollowUpRequest,
  GetFollowUpHistoryQuery,
  GetFollowUpQuery,
  newEntityId,
} from '@liaison/follow-up';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { ListFollowUpsQuery, OverdueListQuery } from '@liaison/views';
import { ClassifiedReads, HeaderCarrier } from '../classification/classified-reads';
import { CommandContext } from '../common/command-context.decorator';
import { CommandResultDto } from '../common/command-result.dto';
import { ErrorResponseDto } from '../common/error-response.dto';
import { FreshRead, ReadYourWrites } from '../common/read-your-writes.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { BoardRequest, OverdueRequest } from './board.request.dto';
import { FollowUpDto, FollowUpHistoryDto, FollowUpPageDto } from './follow-up.response.dto';
import {
  AssignFollowUpRequest,
  ExtendRequest,
  HandOverRequest,
  NoteRequest,
  ReasonRequest,
  ReassignRequest,
  ResponseRequest,
} from './follow-up-requests.dto';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'expected stream version; 409 if it moved',
};

/** A verb's 409: the If-Match version moved, or the task is no longer in a state for it. */
const CONFLICT = { type: ErrorResponseDto, description: 'changed since If-Match, or wrong state' };

/**
 * Follow-up commands. Bureau heads of the host agency assign and decide; officers of the
 * assigned agency do the work. The rules (who, which state) live in the domain; this class
 * only translates HTTP into commands.
 */
@ApiTags('follow-ups')
@ApiBearerAuth()
@ApiHeader(IF_MATCH)
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'same key and body → the first answer',
})
@Controller('follow-ups')
export class FollowUpsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly classified: ClassifiedReads,
  ) {}

  private async run(command: FollowUpRequest, meta: CommandMeta) {
    const { id, version, position } = await this.commands.execute(
      new ExecuteFollowUpCommand(command, meta),
    );
    return { id, version, position };
  }

  @Post()
  @HttpCode(201)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Assign a follow-up from an agreed action or info request' })
  assign(@Body() body: AssignFollowUpRequest, @CommandContext() meta: CommandMeta) {
    const { supportingAgencies, ...rest } = body;
    return this.run(
      {
        kind: 'AssignFollowUp',
        followUpId: newEntityId(meta.idempotencySeed, 'follow-up'),
        ...rest,
        // Joint task: each supporting agency's contribution task gets its id here.
        ...(supportingAgencies && {
          supportingAgencies: supportingAgencies.map((s, i) => ({
            ...s,
            contributionId: newEntityId(meta.idempotencySeed, `contribution:${i}`),
          })),
        }),
      },
      meta,
    );
  }

  @Get()
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({ summary: 'The board: tasks the caller may see, filtered, sorted and paged' })
  @ApiOkResponse({ type: FollowUpPageDto })
  async board(
    @Query() query: BoardRequest,
    @ReadYourWrites() read: FreshRead,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return read.answer(await this.queries.execute(new ListFollowUpsQuery(user, read.of(query))));
  }

  @Get('overdue')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({ summary: 'Open tasks past their due time, longest overdue first' })
  async overdue(
    @Query() query: OverdueRequest,
    @ReadYourWrites() read: FreshRead,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return read.answer(await this.queries.execute(new OverdueListQuery(user, read.of(query))));
  }

  @Get(':id')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({ summary: 'One task’s current state and version' })
  @ApiOkResponse({ type: FollowUpDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'no such task, or not yours' })
  async get(
    @Param('id', UuidParam()) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: HeaderCarrier,
  ) {
    const { version, state, officerName } = await this.queries.execute(
      new GetFollowUpQuery(id, user),
    );
    await this.classified.check(user, id, state.classification, request, 'follow-up');
    return { id, version, ...state, ...(officerName && { officerName }) };
  }

  @Get(':id/history')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({
    summary:
      'The task’s timeline, oldest first: each event with who did it (and, under a delegation, ' +
      'for whom) and when; for whoever may see the task',
  })
  @ApiOkResponse({ type: FollowUpHistoryDto })
  async history(
    @Param('id', UuidParam()) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: HeaderCarrier,
  ) {
    const history = await this.queries.execute(new GetFollowUpHistoryQuery(id, user));
    if (user.role === 'auditor') {
      const { state } = await this.queries.execute(new GetFollowUpQuery(id, user));
      await this.classified.check(user, id, state.classification, request, 'history');
    }
    return history;
  }

  // ── the assigned agency's work ──────────────────────────────────────────────────────────
  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse(CONFLICT)
  @Roles('agency_officer')
  acknowledge(@Param('id', UuidParam()) followUpId: string, @CommandContext() meta: CommandMeta) {
    return this.run({ kind: 'AcknowledgeFollowUp', followUpId }, meta);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse(CONFLICT)
  @Roles('agency_officer')
  start(@Param('id', UuidParam()) followUpId: string, @CommandContext() meta: CommandMeta) {
    return this.run({ kind: 'StartFollowUp', followUpId }, meta);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse(CONFLICT)
  @Roles('agency_officer')
  progress(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: NoteRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.run(
      {
        kind: 'ReportProgress',
        followUpId,
        note: body.note,
        ...(body.personal && { personal: true }),
      },
      meta,
    );
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse(CONFLICT)
  @Roles('agency_officer')
  submit(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: ResponseRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.run({ kind: 'SubmitFollowUp', followUpId, response: body.response }, meta);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse(CONFLICT)
  @Roles('agency_officer')
  decline(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: ReasonRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.run({ kind: 'DeclineFollowUp', followUpId, reason: body.reason }, meta);
  }

  // ── who in the agency works it (담당자) ───────────────────────────────────────────────────
  @Post(':id/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiConflictResponse(CONFLICT)
  @Roles('agency_officer')
  @ApiOperation({
    summary: 'Take an unclaimed task as its officer (409 when it has one already)',
  })
  claim(@Param('id', UuidParam()) followUpId: string, @CommandContext() meta: CommandMeta) {
    return this.run({ kind: 'ClaimFollowUp', followUpId }, meta);
  }

  @Post(':id/hand-over')
  @HttpCode(200)
  @Roles('agency_officer')
  @ApiOperation({
    summary:
      'Hand the task to a colleague of the same agency (its officer, or anyone while unclaimed)',
  })
  handOver(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: HandOverRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.run({ kind: 'HandOverFollowUp', followUpId, ...body }, meta);
  }

  // ── the host bureau's decisions ─────────────────────────────────────────────────────────
  @Post(':id/accept')
  @HttpCode(200)
  @Roles('bureau_head')
  accept(@Param('id', UuidParam()) followUpId: string, @CommandContext() meta: CommandMeta) {
    return this.run({ kind: 'AcceptFollowUp', followUpId }, meta);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('bureau_head')
  reject(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: ReasonRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.run({ kind: 'RejectFollowUp', followUpId, reason: body.reason }, meta);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Roles('bureau_head')
  reassign(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: ReassignRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.run({ kind: 'ReassignFollowUp', followUpId, ...body }, meta);
  }

  @Post(':id/extend')
  @HttpCode(200)
  @Roles('bureau_head')
  extend(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: ExtendRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.run({ kind: 'ExtendDueDate', followUpId, ...body }, meta);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('bureau_head')
  cancel(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: ReasonRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.run({ kind: 'CancelFollowUp', followUpId, reason: body.reason }, meta);
  }
}
