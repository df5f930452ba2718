import { BadRequestException, Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CommandMeta,
  CommandResult,
  ExecuteFollowUpCommand,
  FollowUpRequest,
  newEntityId,
} from '@liaison/follow-up';
import { Roles } from '@liaison/platform';
import { CommandContext } from '../../common/command-context.decorator';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { UuidParam } from '../../common/uuid-param.pipe';
import { ContributionRequest, WaiveContributionRequest } from './contribution-requests.dto';

const AGENCY_CODE = /^[A-Z][A-Z0-9_]{1,15}$/;

/**
 * Joint tasks (주관/협조): the host bureau head asks supporting agencies for contributions to a
 * lead task, or waives one. Each contribution becomes a task of its own on the supporting
 * agency's queue (opened by the worker's contribution process), worked with the usual verbs
 * under `/v1/follow-ups/<contributionId>/…`; the lead task lists each contribution's status.
 */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups/:id/contributions')
export class ContributionsController {
  constructor(private readonly commands: CommandBus) {}

  private async run(command: FollowUpRequest, meta: CommandMeta) {
    const { id, version, position } = await this.commands.execute<
      ExecuteFollowUpCommand,
      CommandResult
    >(new ExecuteFollowUpCommand(command, meta));
    return { id, version, position };
  }

  @Post()
  @HttpCode(201)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Ask a supporting agency for a contribution (협조 요청)' })
  @ApiCreatedResponse({ description: '{id (the lead), contributionId, version, position}' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'no such task, or not yours' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'the lead was submitted or closed' })
  async request(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: ContributionRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    const contributionId = newEntityId(meta.idempotencySeed, 'contribution');
    const result = await this.run(
      { kind: 'RequestContribution', followUpId, contributionId, ...body },
      meta,
    );
    return { ...result, contributionId };
  }

  @Post(':agency/waive')
  @HttpCode(200)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Waive a supporting agency’s contribution: the lead need not wait' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'no such task or contribution' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'the contribution is in already' })
  waive(
    @Param('id', UuidParam()) followUpId: string,
    @Param('agency') agency: string,
    @Body() body: WaiveContributionRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    if (!AGENCY_CODE.test(agency)) {
      throw new BadRequestException('agency must be an agency code such as FSI');
    }
    return this.run({ kind: 'WaiveContribution', followUpId, agency, reason: body.reason }, meta);
  }
}
