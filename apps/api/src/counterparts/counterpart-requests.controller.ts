import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CounterpartCommandMeta,
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
  constructor(
    private readonly commands: CounterpartCommands,
    private readonly queries: CounterpartQueries,
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
  @ApiOperation({
    summary: "Requests the caller's agency hosts or liaises for; status=open: still owed",
  })
  async list(@Query() query: ListCounterpartRequestsQuery, @CurrentUser() user: AuthenticatedUser) {
    return { items: await this.queries.list(user, query) };
  }

  @Get(':id')
  @Roles('bureau_head', 'auditor')
  @ApiOperation({ summary: 'One request with its answers (texts, files) and its history' })
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
