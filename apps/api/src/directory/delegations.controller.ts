import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { DirectoryCommandMeta, DirectoryCommands, PeopleReader } from '@liaison/directory';
import { AuthenticatedUser, CurrentUser } from '@liaison/platform';
import { CommandContext } from '../common/command-context.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import { CommandResultDto } from '../common/command-result.dto';
import { GrantDelegationRequest } from './directory-requests.dto';
import { DelegationsPageDto } from './directory-responses.dto';
import { answer } from './people.controller';

/**
 * 대결: a person names a colleague of their agency to act for them for a while (at most 90
 * days). The caller is the delegator; an admin may name another (`fromPersonId`). Either person
 * or an admin ends it early; it also ends by itself at `endsAt`.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(
    private readonly commands: DirectoryCommands,
    private readonly people: PeopleReader,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Delegate to a colleague from startsAt until endsAt' })
  @ApiCreatedResponse({ type: CommandResultDto })
  async grant(
    @Body() body: GrantDelegationRequest,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    const { toPersonId, startsAt, endsAt, reason } = body;
    const fromPerson = body.fromPersonId ?? user.id;
    const result = await this.commands.grantDelegation(
      { fromPerson, toPerson: toPersonId, startsAt, endsAt, ...(reason && { reason }) },
      asAdminWhenHeld(user, meta, fromPerson !== user.id),
    );
    return answer(result.delegationId, result);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a delegation early' })
  @ApiOkResponse({ type: CommandResultDto })
  async end(
    @Param('id', UuidParam()) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandContext() meta: DirectoryCommandMeta,
  ) {
    return answer(id, await this.commands.endDelegation(id, asAdminWhenHeld(user, meta, true)));
  }

  @Get()
  @ApiOperation({ summary: 'The caller’s delegations, given and received, current and upcoming' })
  @ApiOkResponse({ type: DelegationsPageDto })
  async mine(@CurrentUser() user: AuthenticatedUser) {
    return { items: await this.people.delegationsOf(user.id) };
  }
}

/**
 * These routes are open to every role, so the guard lets a person act in their first role. A
 * person who also holds admin acts as admin where only an admin may (another's delegation).
 */
function asAdminWhenHeld(
  user: AuthenticatedUser,
  meta: DirectoryCommandMeta,
  needed: boolean,
): DirectoryCommandMeta {
  const admin = needed && user.role !== 'admin' && (user.roles ?? []).includes('admin');
  return admin ? { ...meta, actor: { ...meta.actor, role: 'admin' } } : meta;
}
