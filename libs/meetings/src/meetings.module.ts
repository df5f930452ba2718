import { Module } from '@nestjs/common';
import { PeopleReader } from '@liaison/directory';
import { AgencyDirectory, DirectoryPeopleLookup, PeopleLookup } from '@liaison/follow-up';
import { MeetingSeriesCommands } from './commands/meeting-series.commands.service';
import { MeetingSeriesReader } from './reading/meeting-series.reader';

/** Working-level meeting series: commands over the log, the list and detail reads. */
@Module({
  providers: [
    // lookups the rules need
    AgencyDirectory,
    PeopleReader,
    { provide: PeopleLookup, useClass: DirectoryPeopleLookup },
    // commands and reads
    MeetingSeriesCommands,
    MeetingSeriesReader,
  ],
  exports: [MeetingSeriesCommands, MeetingSeriesReader],
})
export class MeetingsModule {}
