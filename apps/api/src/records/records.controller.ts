import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  PipeTransform,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import {
  koreanDay,
  parseRecordId,
  RecordActor,
  RecordClocks,
  RecordCommand,
  RecordDisposer,
  RecordNotFoundError,
  RecordQueries,
  RecordRow,
  RecordsClock,
  RecordWriter,
} from '@liaison/records';
import {
  DisposalResultDto,
  DisposalReviewDto,
  DisposalReviewQuery,
  LegalHoldBody,
  RecordDto,
  SetRetentionBody,
} from './records.dto';

/** `workshop-<uuid>` or `follow-up-<uuid>`, else 400 naming the parameter. */
class RecordIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (parseRecordId(value)) return value;
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'recordId must be workshop-<uuid> or follow-up-<uuid>',
      details: [{ field: 'recordId', problems: ['must be workshop-<uuid> or follow-up-<uuid>'] }],
    });
  }
}

const actorOf = (user: AuthenticatedUser): RecordActor => ({
  id: user.id,
  role: user.role,
  ...(user.agency ? { agency: user.agency } : {}),
  ...(user.onBehalfOf ? { onBehalfOf: user.onBehalfOf } : {}),
});

/**
 * Records management (공공기록물 관리법): retention, legal holds, the disposal review and
 * disposal. Only records officers (기록물관리 담당자) change anything; auditors read. Every
 * route first brings the clocks up to the log, so a follow-up accepted a moment ago is closed.
 */
@ApiTags('records')
@ApiBearerAuth()
@Controller('records')
export class RecordsController {
  constructor(
    private readonly clocks: RecordClocks,
    private readonly writer: RecordWriter,
    private readonly disposer: RecordDisposer,
    private readonly queries: RecordQueries,
    private readonly clock: RecordsClock,
  ) {}

  @Get('disposal-review')
  @Roles('records_officer', 'auditor')
  @ApiOperation({ summary: 'Records due for disposal on a day (default today, Korean time)' })
  @ApiOkResponse({ type: DisposalReviewDto })
  async review(@Query() query: DisposalReviewQuery): Promise<DisposalReviewDto> {
    await this.clocks.catchUp(() => this.clock.now());
    const on = query.on ?? koreanDay(this.clock.now());
    return { on, items: await this.queries.disposalReview(on) };
  }

  @Get(':recordId')
  @Roles('records_officer', 'auditor')
  @ApiOperation({ summary: "A record's class, retention, clock, hold and disposal" })
  @ApiOkResponse({ type: RecordDto })
  async get(@Param('recordId', RecordIdPipe) recordId: string): Promise<RecordRow> {
    await this.clocks.catchUp(() => this.clock.now());
    const row = await this.queries.get(recordId);
    if (!row) throw new RecordNotFoundError(recordId);
    return row;
  }

  @Put(':recordId/retention')
  @Roles('records_officer')
  @ApiOperation({ summary: 'Set the record class and/or retention period' })
  @ApiOkResponse({ type: RecordDto })
  async setRetention(
    @Param('recordId', RecordIdPipe) recordId: string,
    @Body() body: SetRetentionBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RecordRow> {
    if (body.recordClass === undefined && body.retention === undefined) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'retention or recordClass is required',
        details: [{ field: 'retention', problems: ['retention or recordClass is required'] }],
      });
    }
    return this.command(recordId, user, {
      type: 'SetRetention',
      ...(body.recordClass !== undefined ? { recordClass: body.recordClass } : {}),
      ...(body.retention !== undefined ? { retention: body.retention } : {}),
      reason: body.reason,
    });
  }

  @Post(':recordId/legal-hold')
  @HttpCode(200)
  @Roles('records_officer')
  @ApiOperation({ summary: 'Place a legal hold: the record cannot be disposed of' })
  @ApiOkResponse({ type: RecordDto })
  placeHold(
    @Param('recordId', RecordIdPipe) recordId: string,
    @Body() body: LegalHoldBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RecordRow> {
    return this.command(recordId, user, { type: 'PlaceLegalHold', reason: body.reason });
  }

  @Post(':recordId/legal-hold/lift')
  @HttpCode(200)
  @Roles('records_officer')
  @ApiOperation({ summary: 'Lift the legal hold' })
  @ApiOkResponse({ type: RecordDto })
  liftHold(
    @Param('recordId', RecordIdPipe) recordId: string,
    @Body() body: LegalHoldBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RecordRow> {
    return this.command(recordId, user, { type: 'LiftLegalHold', reason: body.reason });
  }

  @Post(':recordId/disposal')
  @HttpCode(200)
  @Roles('records_officer')
  @ApiOperation({
    summary:
      'Approve and carry out the disposal of a due record: content replaced by a tombstone, hashes and seals kept',
  })
  @ApiOkResponse({ type: DisposalResultDto })
  async dispose(
    @Param('recordId', RecordIdPipe) recordId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DisposalResultDto> {
    await this.clocks.catchUp(() => this.clock.now());
    const result = await this.disposer.dispose(recordId, actorOf(user), this.clock.now());
    const record = await this.queries.get(recordId);
    return { ...result, record: record! };
  }

  private async command(
    recordId: string,
    user: AuthenticatedUser,
    command: RecordCommand,
  ): Promise<RecordRow> {
    await this.clocks.catchUp(() => this.clock.now());
    await this.writer.write(recordId, command, actorOf(user), this.clock.now());
    return (await this.queries.get(recordId))!;
  }
}
