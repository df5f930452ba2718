import { Module } from '@nestjs/common';
import { DirectoryAdoption } from './adoption/directory-adoption';
import { DirectoryCommands } from './commands/directory-commands';
import { DirectoryWriter } from './commands/directory-writer';
import { PeopleReader } from './reading/people-reader';

/**
 * Agencies and people as event streams. Needs the platform's pool and the event store (both
 * global modules).
 */
@Module({
  providers: [
    // commands
    DirectoryWriter,
    DirectoryCommands,
    // reading
    PeopleReader,
    // boot
    DirectoryAdoption,
  ],
  exports: [DirectoryCommands, PeopleReader],
})
export class DirectoryModule {}
