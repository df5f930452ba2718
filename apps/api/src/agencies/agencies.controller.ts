import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListAgenciesQuery } from '@liaison/follow-up';
import { AgencyInboxQuery, AgencyWorkloadQuery } from '@liaison/views';
import { InboxRequest } from './inbox.request.dto';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { ReadYourWritesRequest } from '../common/read-options';
import { FreshRead, ReadYourWrites } from '../common/read-your-writes.decorator';
import { AgencyCodePipe } from '../common/agency-code.pipe';
import { FollowUpPageDto } from '../follow-ups/follow-up.response.dto';
import { AgencyDto, AgencyWorkloadPageDto } from './agency.response.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The agency directory: agencies and outside counterparts' })
  @ApiOkResponse({ type: [AgencyDto] })
  list() {
    return this.queries.execute(new ListAgenciesQuery());
  }

  @Get('workload')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({
    summary: 'Open, overdue and per-status counts per agency, over what the caller may see',
  })
  @ApiOkResponse({ type: AgencyWorkloadPageDto })
  async workload(
    @Query() query: ReadYourWritesRequest,
    @ReadYourWrites() read: FreshRead,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return read.answer(await this.queries.execute(new AgencyWorkloadQuery(user, read.of(query))));
  }

  @Get(':code/inbox')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({
    summary:
      'An agency’s open tasks, due soon first, overdue ones marked (officers: their own agency ' +
      'only); scope=mine: the caller’s own (or, acting for a colleague, theirs), ' +
      'scope=unclaimed: those nobody has claimed, scope=agency (default): all',
  })
  @ApiOkResponse({ type: FollowUpPageDto })
  async inbox(
    @Param('code', AgencyCodePipe) code: string,
    @Query() query: InboxRequest,
    @ReadYourWrites() read: FreshRead,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return read.answer(
      await this.queries.execute(new AgencyInboxQuery(user, code, read.of(query))),
    );
  }
}
