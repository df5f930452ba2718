import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CommandMeta,
  ExecuteWorkshopCommand,
  GetWorkshopQuery,
  newEntityId,
} from '@liaison/follow-up';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { ListWorkshopProgressQuery, WorkshopProgressQuery } from '@liaison/views';
import { CommandContext } from '../common/command-context.decorator';
import { PageRequestDto, ReadYourWritesRequest } from '../common/read-options';
import { FreshRead, ReadYourWrites } from '../common/read-your-writes.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { AgreeActionRequest } from './agree-action.request.dto';
import { CreateWorkshopRequest } from './create-workshop.request.dto';
import { RequestInfoRequest } from './request-info.request.dto';
import {
  ActionAgreedDto,
  InfoRequestedDto,
  WORKSHOP_EXTRA_MODELS,
  WorkshopCreatedDto,
  WorkshopDto,
  WorkshopPageDto,
} from './workshop.response.dto';

@ApiTags('workshops')
@ApiExtraModels(...WORKSHOP_EXTRA_MODELS)
@ApiBearerAuth()
@Controller('workshops')
export class WorkshopsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Record a workshop your agency hosted' })
  @ApiCreatedResponse({ type: WorkshopCreatedDto })
  async create(@Body() body: CreateWorkshopRequest, @CommandContext() meta: CommandMeta) {
    const result = await this.commands.execute(
      new ExecuteWorkshopCommand(
        {
          kind: 'HoldWorkshop',
          workshopId: newEntityId(meta.idempotencySeed, 'workshop'),
          ...body,
        },
        meta,
      ),
    );
    return { id: result.id, version: result.version, position: result.position };
  }

  @Post(':id/actions')
  @HttpCode(201)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Record an action agreed at the workshop' })
  @ApiCreatedResponse({ type: ActionAgreedDto })
  async agreeAction(
    @Param('id', UuidParam()) workshopId: string,
    @Body() body: AgreeActionRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    const actionId = newEntityId(meta.idempotencySeed, 'action');
    const result = await this.commands.execute(
      new ExecuteWorkshopCommand({ kind: 'AgreeAction', workshopId, actionId, ...body }, meta),
    );
    return { actionId, version: result.version, position: result.position };
  }

  @Post(':id/info-requests')
  @HttpCode(201)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Record an information request made at the workshop' })
  @ApiCreatedResponse({ type: InfoRequestedDto })
  async requestInfo(
    @Param('id', UuidParam()) workshopId: string,
    @Body() body: RequestInfoRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    const requestId = newEntityId(meta.idempotencySeed, 'info-request');
    const result = await this.commands.execute(
      new ExecuteWorkshopCommand({ kind: 'RequestInfo', workshopId, requestId, ...body }, meta),
    );
    return { requestId, version: result.version, position: result.position };
  }

  @Get()
  @Roles('bureau_head', 'auditor')
  @ApiOperation({
    summary: 'Workshops the caller may see, most recent first, with follow-up progress',
  })
  @ApiOkResponse({ type: WorkshopPageDto })
  async list(
    @Query() query: PageRequestDto,
    @ReadYourWrites() read: FreshRead,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return read.answer(
      await this.queries.execute(new ListWorkshopProgressQuery(user, read.of(query))),
    );
  }

  @Get(':id')
  @Roles('bureau_head', 'auditor')
  @ApiOperation({ summary: 'A workshop with its actions, requests and follow-up progress' })
  @ApiOkResponse({ type: WorkshopDto })
  async get(
    @Param('id', UuidParam()) id: string,
    @Query() query: ReadYourWritesRequest,
    @ReadYourWrites() read: FreshRead,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    // The record itself comes from its stream (always current); progress from the view.
    const { version, state } = await this.queries.execute(new GetWorkshopQuery(id, user));
    const progress = read.answer(
      await this.queries.execute(new WorkshopProgressQuery(user, id, read.of(query))),
    );
    const view = progress.item;
    return {
      id,
      version,
      ...state,
      progress: view
        ? { followUps: view.followUps, actions: view.actions, requests: view.requests }
        : null,
    };
  }
}
