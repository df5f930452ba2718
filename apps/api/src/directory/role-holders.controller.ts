import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PeopleReader, periodOf } from '@liaison/directory';
import { Roles } from '@liaison/platform';
import { RoleHoldersRequest } from './directory-requests.dto';
import { RoleHoldersDto } from './directory-responses.dto';

/** The auditor's as-of question on the directory, answered from the role periods the log fills. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor', 'admin')
@Controller('audit/directory')
export class RoleHoldersController {
  constructor(private readonly people: PeopleReader) {}

  @Get('role-holders')
  @ApiOperation({
    summary: 'Who held a role at an agency on a day (YYYY-MM-DD, Korean time) or at an instant',
  })
  @ApiOkResponse({ type: RoleHoldersDto })
  async roleHolders(@Query() query: RoleHoldersRequest) {
    const { role, agency, on } = query;
    if (!periodOf(on)) {
      throw new BadRequestException({
        message: 'on must be a real date or instant',
        details: [{ field: 'on', problems: ['not a real date'] }],
      });
    }
    return { role, agency, on, holders: await this.people.roleHolders(role, agency, on) };
  }
}
