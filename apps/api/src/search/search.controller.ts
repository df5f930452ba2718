import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { SearchReader } from '@liaison/views';
import { SearchRequestDto } from './search.request.dto';
import { SearchPageDto } from './search.response.dto';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly reader: SearchReader) {}

  @Get()
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({
    summary:
      'Follow-ups, comments, workshops and meetings the caller may read that hold every word ' +
      'of q (Korean or English), best first',
  })
  @ApiOkResponse({ type: SearchPageDto })
  search(@Query() query: SearchRequestDto, @CurrentUser() user: AuthenticatedUser) {
    return this.reader.search(user, query);
  }
}
