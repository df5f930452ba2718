import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AgencyDirectory } from './agencies/agency-directory';
import { DecisionRunner } from './commands/decision-runner';
import { ExecuteFollowUpCommandHandler } from './commands/execute-follow-up-command/execute-follow-up-command.handler';
import { ExecuteWorkshopCommandHandler } from './commands/execute-workshop-command/execute-workshop-command.handler';
import { DirectoryPeopleLookup, PeopleLookup } from './commands/people/people-lookup';
import { PersonalText } from './commands/personal-text';
import { PeopleReader } from '@liaison/directory';
import { GetFollowUpHandler } from './queries/get-follow-up/get-follow-up.handler';
import { PersonNames } from './queries/person-names';
import { GetFollowUpHistoryHandler } from './queries/get-follow-up-history/get-follow-up-history.handler';
import { GetWorkshopHandler } from './queries/get-workshop/get-workshop.handler';
import {
  CheckCanAttachHandler,
  GetFollowUpFileHandler,
  ListFollowUpCommentsHandler,
  ListFollowUpFilesHandler,
} from './queries/follow-up-collaboration/follow-up-collaboration.handlers';
import { ListAgenciesHandler } from './queries/list-agencies/list-agencies.handler';

/** Workshops and follow-ups: command and query handlers over the event store. */
@Module({
  imports: [CqrsModule],
  providers: [
    // services
    AgencyDirectory,
    DecisionRunner,
    PeopleReader, // stateless, over the pool: the directory's reader without its boot work
    { provide: PeopleLookup, useClass: DirectoryPeopleLookup },
    PersonNames,
    PersonalText,
    // commands
    ExecuteWorkshopCommandHandler,
    ExecuteFollowUpCommandHandler,
    // queries
    GetFollowUpHandler,
    GetFollowUpHistoryHandler,
    GetWorkshopHandler,
    ListAgenciesHandler,
    ListFollowUpCommentsHandler,
    ListFollowUpFilesHandler,
    GetFollowUpFileHandler,
    CheckCanAttachHandler,
  ],
  exports: [AgencyDirectory, DecisionRunner],
})
export class FollowUpModule {}
