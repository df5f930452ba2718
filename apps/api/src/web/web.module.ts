import { Module } from '@nestjs/common';
import { LiveController } from './live/live.controller';
import { LiveChanges } from './live/live-changes';

/** What the web app needs of the API beyond the work routes: live changes for its pages. */
@Module({
  controllers: [LiveController],
  providers: [LiveChanges],
})
export class WebModule {}
