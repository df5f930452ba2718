import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListAgenciesQuery } from '@liaison/follow-up';
import { AgencyInboxQuery, AgencyWorkloadQuery } from '@liaison/views';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import {
  flagStale,
  MIN_POSITION_HEADER,
  minPositionOf,
  PageRequestDto,
  ReadYourWritesRequest,
} from '../common/read-options';
import { AgencyCodePipe } from '../common/agency-code.pipe';

type Reply = { header(name: string, value: string): unknown };

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The agency directory: agencies and outside counterparts' })
  list() {
    return this.queries.execute(new ListAgenciesQuery());
  }

  @Get('workload')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({
    summary: 'Open, overdue and per-status counts per agency, over what the caller may see',
  })
  async workload(
    @Query() query: ReadYourWritesRequest,
    @Headers(MIN_POSITION_HEADER) minPositionHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const result = await this.queries.execute(
      new AgencyWorkloadQuery(user, { minPosition: minPositionOf(query, minPositionHeader) }),
    );
    flagStale(reply, result.stale);
    return result;
  }

  @Get(':code/inbox')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({ summary: 'An agency’s open tasks, due first (officers: their own agency only)' })
  async inbox(
    @Param('code', AgencyCodePipe) code: string,
    @Query() query: PageRequestDto,
    @Headers(MIN_POSITION_HEADER) minPositionHeader: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const page = await this.queries.execute(
      new AgencyInboxQuery(user, code, {
        ...query,
        minPosition: minPositionOf(query, minPositionHeader),
      }),
    );
    flagStale(reply, page.stale);
    return page;
  }
}
