import { Module } from '@nestjs/common';
import { DirectoryModule } from '@liaison/directory';
import { ColleaguesController } from './colleagues.controller';
import { LiveController } from './live/live.controller';
import { LiveChanges } from './live/live-changes';

/**
 * What the web app needs of the API beyond the work routes: live changes for its pages, and the
 * colleague picker's list of an agency's officers.
 */
@Module({
  imports: [DirectoryModule],
  controllers: [LiveController, ColleaguesController],
  providers: [LiveChanges],
})
export class WebModule {}
