import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DirectoryCommandMeta, DirectoryCommands } from '@liaison/directory';
import { AgencyDirectory } from '@liaison/follow-up';
import { Roles } from '@liaison/platform';
import { AgencyCodePipe } from '../common/agency-code.pipe';
import { CommandContext } from '../common/command-context.decorator';
import { RegisterAgencyRequest, UpdateAgencyRequest } from './directory-requests.dto';
import { AgencyCommandResultDto } from './directory-responses.dto';

/**
 * Changes to the agency directory (GET /agencies is the agencies controller's). Each is an event
 * on `agency-<CODE>` and, in the same transaction, the `agencies` row; this process's cached
 * snapshot of the directory is dropped so its next command and GET /agencies see the change.
 */
@ApiTags('agencies')
@ApiBearerAuth()
@Roles('admin')
@Controller('agencies')
export class AgencyAdminController {
  constructor(
    private readonly commands: DirectoryCommands,
    private readonly agencies: AgencyDirectory,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register an agency or an outside counterpart' })
  @ApiCreatedResponse({ type: AgencyCommandResultDto })
  async register(
    @Body() body: RegisterAgencyRequest,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    const { version, position } = await this.commands.registerAgency(body, meta);
    this.agencies.invalidate();
    return { code: body.code, version, position };
  }

  @Patch(':code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rename, deactivate or reactivate an agency; a counterpart’s liaison' })
  @ApiOkResponse({ type: AgencyCommandResultDto })
  async update(
    @Param('code', AgencyCodePipe) code: string,
    @Body() body: UpdateAgencyRequest,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    const { version, position } = await this.commands.updateAgency(code, body, meta);
    this.agencies.invalidate();
    return { code, version, position };
  }
}
