import { Module } from '@nestjs/common';
import { RecordsModule } from '@liaison/records';
import { RecordsController } from './records.controller';

/** Records management under /v1/records. */
@Module({
  imports: [RecordsModule],
  controllers: [RecordsController],
})
export class RecordsApiModule {}
