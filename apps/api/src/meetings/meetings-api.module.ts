import { Module } from '@nestjs/common';
import { DirectoryModule } from '@liaison/directory';
import { MeetingsModule } from '@liaison/meetings';
import { MeetingSeriesController } from './meeting-series.controller';

@Module({
  imports: [MeetingsModule, DirectoryModule],
  controllers: [MeetingSeriesController],
})
export class MeetingsApiModule {}
