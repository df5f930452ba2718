import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, ExecuteFollowUpCommand, ExecuteWorkshopCommand } from '@liaison/follow-up';
import { Roles } from '@liaison/platform';
import { CommandContext } from '../common/command-context.decorator';
import { CommandResultDto } from '../common/command-result.dto';
import { UuidParam } from '../common/uuid-param.pipe';
import { ChangeClassificationRequest } from './classification.request.dto';

/** The host bureau head raises or lowers a classification (an event each time it changes). */
@ApiTags('classification')
@ApiBearerAuth()
@Controller()
export class ClassificationController {
  constructor(private readonly commands: CommandBus) {}

  @Post('workshops/:id/classification')
  @HttpCode(200)
  @Roles('bureau_head')
  @ApiOperation({
    summary:
      'Change a workshop’s classification: it is the floor of its follow-ups’ (those less ' +
      'strict are raised to it, an event each; a change that would shut a task’s assignee or ' +
      'named officer out is refused, 422 naming the task)',
  })
  @ApiOkResponse({ type: CommandResultDto })
  async workshop(
    @Param('id', UuidParam()) workshopId: string,
    @Body() body: ChangeClassificationRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    const { id, version, position } = await this.commands.execute(
      new ExecuteWorkshopCommand(
        { kind: 'ChangeWorkshopClassification', workshopId, classification: body.classification },
        meta,
      ),
    );
    return { id, version, position };
  }

  @Post('follow-ups/:id/classification')
  @HttpCode(200)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Change a follow-up’s classification' })
  @ApiOkResponse({ type: CommandResultDto })
  async followUp(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: ChangeClassificationRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    const { id, version, position } = await this.commands.execute(
      new ExecuteFollowUpCommand(
        { kind: 'ChangeFollowUpClassification', followUpId, classification: body.classification },
        meta,
      ),
    );
    return { id, version, position };
  }
}
