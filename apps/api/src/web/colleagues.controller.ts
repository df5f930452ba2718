import { Controller, ForbiddenException, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { PeopleReader } from '@liaison/directory';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { AgencyCodePipe } from '../common/agency-code.pipe';

class ColleagueNameDto {
  @ApiProperty({ example: '김담당' }) ko!: string;
  @ApiProperty({ example: 'Kim Officer' }) en!: string;
}

class ColleagueDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ColleagueNameDto }) displayName!: ColleagueNameDto;
}

/** An agency's active officers: whom a task can be handed over to, or a delegation named for. */
export class ColleaguesDto {
  @ApiProperty({ type: [ColleagueDto] }) items!: ColleagueDto[];
}

/**
 * The colleague picker of the web app's task page (hand-over, 대결). An officer sees their own
 * agency's officers only (another agency's code: 403); a bureau head, who assigns tasks to
 * agencies, may list any agency's. Ids and names only: no logins, e-mails or roles.
 */
@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class ColleaguesController {
  constructor(private readonly people: PeopleReader) {}

  @Get(':code/officers')
  @Roles('agency_officer', 'bureau_head')
  @ApiOperation({
    summary: 'An agency’s active officers (officers: their own agency only), by id and name',
  })
  @ApiOkResponse({ type: ColleaguesDto })
  async officers(
    @Param('code', AgencyCodePipe) code: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ColleaguesDto> {
    if (user.role !== 'bureau_head' && user.agency !== code) {
      throw new ForbiddenException('Officers may list the officers of their own agency only');
    }
    const people = await this.people.list({ agency: code, active: true });
    return {
      items: people
        .filter((p) => p.roles.includes('agency_officer'))
        .map((p) => ({ id: p.id, displayName: { ko: p.displayName.ko, en: p.displayName.en } })),
    };
  }
}
