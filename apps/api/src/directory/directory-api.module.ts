import { Module } from '@nestjs/common';
import { DirectoryModule } from '@liaison/directory';
import { FollowUpModule } from '@liaison/follow-up';
import { AgencyAdminController } from './agency-admin.controller';
import { DelegationsController } from './delegations.controller';
import { PeopleController } from './people.controller';
import { RoleHoldersController } from './role-holders.controller';

/** The directory's routes: agencies and people (admins), delegations (everyone), role holders (auditors). */
@Module({
  imports: [DirectoryModule, FollowUpModule],
  controllers: [
    AgencyAdminController,
    PeopleController,
    DelegationsController,
    RoleHoldersController,
  ],
})
export class DirectoryApiModule {}
