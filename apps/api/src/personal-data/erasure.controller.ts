import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DirectoryCommandMeta, DirectoryCommands } from '@liaison/directory';
import { Roles } from '@liaison/platform';
import { CommandContext } from '../common/command-context.decorator';
import { CommandResultDto } from '../common/command-result.dto';
import { UuidParam } from '../common/uuid-param.pipe';
import { answer } from '../directory/people.controller';
import { PersonReasonRequest } from '../directory/directory-requests.dto';

/**
 * Erasure of a person's personal data (PIPA) by crypto-shredding: their data key is destroyed,
 * so the name and e-mail sealed in the log read as erased everywhere, while the log, its hash
 * chains and its seals stay as they were.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('people')
export class ErasureController {
  constructor(private readonly commands: DirectoryCommands) {}

  @Post(':id/erase')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Erase a person’s personal data: deactivates them, destroys their data key, ends their ' +
      'sessions; 409 when the log holds their data in clear (recorded before encryption)',
  })
  @ApiOkResponse({ type: CommandResultDto })
  async erase(
    @Param('id', UuidParam()) id: string,
    @Body() body: PersonReasonRequest,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    return answer(id, await this.commands.erasePerson(id, body.reason, meta));
  }
}
