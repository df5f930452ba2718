import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  Inject,
  Logger,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import { FastifyReply } from 'fastify';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { FileIntegrityError } from '@liaison/files';
import {
  COUNTERPART_FILE_STORE,
  CounterpartCommandMeta,
  CounterpartFileStore,
  CounterpartCommands,
  CounterpartQueries,
  CounterpartWriteResult,
} from '@liaison/counterparts';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { CommandContext } from '../common/command-context.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  AcknowledgeCounterpartRequestBody,
  ChaseCounterpartRequestBody,
  CloseCounterpartRequestBody,
  CounterpartCommandResultDto,
  CounterpartLinkResultDto,
  CounterpartRequestDetailDto,
  CounterpartRequestsPageDto,
  DraftCounterpartRequestBody,
  ListCounterpartRequestsQuery,
  SendCounterpartRequestBody,
} from './counterpart-requests.dto';
import { CounterpartInputFilter } from './counterpart-input.filter';

const answer = (r: CounterpartWriteResult) => ({
  id: r.id,
  version: r.version,
  position: r.position,
  status: r.state.status,
});

/**
 * Requests to outside counterparts (OPENAI, ANTHROPIC): the bureau head of the host or liaison
 * agency drafts one from a workshop's info request, sends it (a link the counterpart answers
 * through), acknowledges, chases and closes it; auditors read them all.
 */
@ApiTags('counterparts')
@ApiBearerAuth()
@Controller('counterpart-requests')
@UseFilters(CounterpartInputFilter)
export class CounterpartRequestsController {
  private readonly logger = new Logger(CounterpartRequestsController.name);

  constructor(
    private readonly commands: CounterpartCommands,
    private readonly queries: CounterpartQueries,
    @Inject(COUNTERPART_FILE_STORE) private readonly files: CounterpartFileStore,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('bureau_head')
  @ApiOperation({ summary: "Draft a request from a workshop's info request to a counterpart" })
  @ApiCreatedResponse({ type: CounterpartCommandResultDto })
  async draft(
    @Body() body: DraftCounterpartRequestBody,
    @CommandContext() meta: CounterpartCommandMeta,
  ) {
    return answer(await this.commands.draft(body, meta));
  }

  @Get()
  @Roles('bureau_head', 'auditor')
  @ApiOkResponse({ type: CounterpartRequestsPageDto })
  @ApiOperation({
    summary: "Requests the caller's agency hosts or liaises for; status=open: still owed",
  })
  async list(@Query() query: ListCounterpartRequestsQuery, @CurrentUser() user: AuthenticatedUser) {
    return { items: await this.queries.list(user, query) };
  }

  @Get(':id')
  @Roles('bureau_head', 'auditor')
  @ApiOperation({ summary: 'One request with its answers (texts, files) and its history' })
  @ApiOkResponse({ type: CounterpartRequestDetailDto })
  async detail(@Param('id', UuidParam()) id: string, @CurrentUser() user: AuthenticatedUser) {
    const detail = await this.queries.detail(user, id);
    return {
      ...detail,
      currentLink: detail.currentLink && {
        ...detail.currentLink,
        url: this.commands.linkUrl(id, detail.currentLink),
      },
    };
  }

  @Get(':id/files/:sha256')
  @Roles('bureau_head', 'auditor')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary:
      'A file the counterpart shared, by the SHA-256 its answer recorded; hashed again before ' +
      'it is sent (changed content in the store answers 500)',
  })
  async download(
    @Param('id', UuidParam()) id: string,
    @Param('sha256') sha256: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ) {
    if (!/^[0-9a-f]{64}$/.test(sha256)) {
      throw new HttpException(
        {
          message: 'sha256 must be 64 lower-case hex digits',
          details: [{ field: 'sha256', problems: ['must be 64 lower-case hex digits'] }],
        },
        400,
      );
    }
    const detail = await this.queries.detail(user, id);
    const file = detail.answers.flatMap((a) => a.files).find((f) => f.sha256 === sha256);
    if (!file) throw new HttpException({ message: `File ${sha256} not found` }, 404);
    let content;
    try {
      content = await this.files.read(file);
    } catch (err) {
      if (!(err instanceof FileIntegrityError)) throw err;
      this.logger.error(`Counterpart file ${sha256} of request ${id} refused: ${err.message}`);
      throw new HttpException(
        { message: `file ${sha256} does not match the SHA-256 recorded with the answer` },
        500,
      );
    }
    const textual = file.mediaType.startsWith('text/');
    return reply
      .header('content-type', textual ? `${file.mediaType}; charset=utf-8` : file.mediaType)
      .header('content-length', String(file.size))
      .header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      )
      .header('cache-control', 'private, no-store')
      .send(content);
  }

  @Post(':id/send')
  @HttpCode(200)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Send: sets the due time and issues the first link' })
  @ApiOkResponse({ type: CounterpartLinkResultDto })
  async send(
    @Param('id', UuidParam()) id: string,
    @Body() body: SendCounterpartRequestBody,
    @CommandContext() meta: CounterpartCommandMeta,
  ) {
    const result = await this.commands.send(id, body, meta);
    return { ...answer(result), link: result.link };
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Record that the counterpart confirmed receipt (e.g. by e-mail)' })
  @ApiOkResponse({ type: CounterpartCommandResultDto })
  async acknowledge(
    @Param('id', UuidParam()) id: string,
    @Body() body: AcknowledgeCounterpartRequestBody,
    @CommandContext() meta: CounterpartCommandMeta,
  ) {
    return answer(await this.commands.acknowledge(id, body, meta));
  }

  @Post(':id/chase')
  @HttpCode(200)
  @Roles('bureau_head')
  @ApiOperation({
    summary: '독촉: a new link (earlier unused ones stop working), maybe a new due time',
  })
  @ApiOkResponse({ type: CounterpartLinkResultDto })
  async chase(
    @Param('id', UuidParam()) id: string,
    @Body() body: ChaseCounterpartRequestBody,
    @CommandContext() meta: CounterpartCommandMeta,
  ) {
    const result = await this.commands.chase(id, body, meta);
    return { ...answer(result), link: result.link };
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Close: answered, withdrawn or unanswered; every link stops working' })
  @ApiOkResponse({ type: CounterpartCommandResultDto })
  async close(
    @Param('id', UuidParam()) id: string,
    @Body() body: CloseCounterpartRequestBody,
    @CommandContext() meta: CounterpartCommandMeta,
  ) {
    return answer(await this.commands.close(id, body, meta));
  }
}
