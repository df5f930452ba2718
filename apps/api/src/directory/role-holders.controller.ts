import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Pool } from 'pg';
import { AccessLog } from '@liaison/audit';
import { PeopleReader, periodOf } from '@liaison/directory';
import { AuthenticatedUser, CurrentUser, PG_POOL, Roles } from '@liaison/platform';
import { RoleHoldersRequest } from './directory-requests.dto';
import { RoleHoldersDto } from './directory-responses.dto';

/** The auditor's as-of question on the directory, answered from the role periods the log fills. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor', 'admin')
@Controller('audit/directory')
export class RoleHoldersController {
  private readonly accessLog: AccessLog;

  constructor(
    private readonly people: PeopleReader,
    @Inject(PG_POOL) pool: Pool,
  ) {
    this.accessLog = new AccessLog(pool);
  }

  @Get('role-holders')
  @ApiOperation({
    summary: 'Who held a role at an agency on a day (YYYY-MM-DD, Korean time) or at an instant',
  })
  @ApiOkResponse({ type: RoleHoldersDto })
  async roleHolders(@Query() query: RoleHoldersRequest, @CurrentUser() user: AuthenticatedUser) {
    const { role, agency, on } = query;
    if (!periodOf(on)) {
      throw new BadRequestException({
        message: 'on must be a real date or instant',
        details: [{ field: 'on', problems: ['not a real date'] }],
      });
    }
    // An audit read like the others: recorded in the access log before it answers.
    const who = { actor: user.id, role: user.role };
    await this.accessLog.record(who, 'as_of', 'directory:role-holders', { role, agency, on });
    return { role, agency, on, holders: await this.people.roleHolders(role, agency, on) };
  }
}
