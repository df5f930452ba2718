import { Module } from '@nestjs/common';
import { MeetingsModule } from '@liaison/meetings';
import { MeetingSeriesController } from './meeting-series.controller';

@Module({
  imports: [MeetingsModule],
  controllers: [MeetingSeriesController],
})
export class MeetingsApiModule {}
