import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  DirectoryCommandMeta,
  DirectoryCommands,
  DirectoryNotFoundError,
  DirectoryWriteResult,
  PeopleReader,
  PersonRole,
} from '@liaison/directory';
import { Roles } from '@liaison/platform';
import { CommandContext } from '../common/command-context.decorator';
import { CommandResultDto } from '../common/command-result.dto';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  PeopleListRequest,
  PersonReasonRequest,
  RegisterPersonRequest,
  RoleRequest,
  UpdatePersonRequest,
} from './directory-requests.dto';
import { PeoplePageDto, PersonDto } from './directory-responses.dto';
import { RoleParamPipe } from './role-param.pipe';

/** What a directory command answers: the person's id, their stream's version, the position. */
export const answer = (id: string, { version, position }: DirectoryWriteResult) => ({
  id,
  version,
  position,
});

/**
 * The people of the directory, kept by admins. Each change is an event on `person-<uuid>` and,
 * in the same transaction, the `people` row: the next request (sign-in, the guard) sees it.
 */
@ApiTags('directory')
@ApiBearerAuth()
@ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'the person’s version; 409 if it moved',
})
@Roles('admin')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly commands: DirectoryCommands,
    private readonly people: PeopleReader,
  ) {}

  @Get()
  @ApiOperation({ summary: 'People, by agency and login; filter by agency and active' })
  @ApiOkResponse({ type: PeoplePageDto })
  async list(@Query() query: PeopleListRequest) {
    const active = query.active === undefined ? undefined : query.active === 'true';
    return { items: await this.people.list({ agency: query.agency, active }) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person, with their version' })
  @ApiOkResponse({ type: PersonDto })
  async get(@Param('id', UuidParam()) id: string) {
    const person = await this.people.byId(id);
    if (!person) throw new DirectoryNotFoundError('person', id);
    return person;
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a person: login, names, email, one agency, roles' })
  @ApiCreatedResponse({ type: CommandResultDto })
  async register(
    @Body() body: RegisterPersonRequest,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    const { displayName, ...rest } = body;
    const result = await this.commands.registerPerson(
      { ...rest, displayName: { ko: displayName.ko, en: displayName.en } },
      meta,
    );
    return answer(result.personId, result);
  }

  @Patch(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change names, email, agency or the IdP subject' })
  @ApiOkResponse({ type: CommandResultDto })
  async update(
    @Param('id', UuidParam()) id: string,
    @Body() body: UpdatePersonRequest,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    const { displayName, ...rest } = body;
    const changes = {
      ...rest,
      ...(displayName && { displayName: { ko: displayName.ko, en: displayName.en } }),
    };
    return answer(id, await this.commands.updatePerson(id, changes, meta));
  }

  @Post(':id/roles')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grant a role (409 if already held)' })
  @ApiOkResponse({ type: CommandResultDto })
  async grant(
    @Param('id', UuidParam()) id: string,
    @Body() body: RoleRequest,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    return answer(id, await this.commands.grantRole(id, body.role, meta));
  }

  @Delete(':id/roles/:role')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a role (409 if not held, or if it is the last one)' })
  @ApiOkResponse({ type: CommandResultDto })
  async revoke(
    @Param('id', UuidParam()) id: string,
    @Param('role', RoleParamPipe) role: PersonRole,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    return answer(id, await this.commands.revokeRole(id, role, meta));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a person: no sign-in, no roles, no delegations from now' })
  @ApiOkResponse({ type: CommandResultDto })
  async deactivate(
    @Param('id', UuidParam()) id: string,
    @Body() body: PersonReasonRequest,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    return answer(id, await this.commands.deactivate(id, body.reason, meta));
  }
}
