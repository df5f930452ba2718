import { Module } from '@nestjs/common';
import { ProjectionsQueriesModule } from '@liaison/views';
import { BoardExportController } from './board-export.controller';
import { WorkshopProgressExportController } from './workshop-progress-export.controller';

/** Reports (보고서 내려받기): the board and a workshop's progress as CSV and XLSX. */
@Module({
  imports: [ProjectionsQueriesModule],
  controllers: [BoardExportController, WorkshopProgressExportController],
})
export class ExportsApiModule {}
