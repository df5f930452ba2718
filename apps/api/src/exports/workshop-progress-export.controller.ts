import { Controller, Get, Headers, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import {
  BoardReader,
  ProjectionFreshness,
  ReportSheet,
  WORKSHOP_SUBSCRIPTIONS,
  WorkshopReader,
  progressSheet,
  reportLanguage,
  summarySheet,
  waitUntilFresh,
  workshopProgressReport,
} from '@liaison/views';
import { UuidParam } from '../common/uuid-param.pipe';
import { ProgressExportRequest } from './export.request.dto';
import { csvFile, seoulDay, xlsxFile } from './report-files';

/** A workshop's progress (이행 현황) as a report; readable as the workshop is (404 otherwise). */
@ApiTags('workshops')
@ApiBearerAuth()
@Controller('workshops')
export class WorkshopProgressExportController {
  constructor(
    private readonly workshops: WorkshopReader,
    private readonly board: BoardReader,
    private readonly freshness: ProjectionFreshness,
  ) {}

  @Get(':id/progress.csv')
  @Roles('bureau_head', 'auditor')
  @ApiOperation({ summary: 'A workshop’s progress as CSV: each source with its tasks' })
  @ApiProduces('text/csv')
  async csv(
    @Param('id', UuidParam()) id: string,
    @Query() query: ProgressExportRequest,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const lang = reportLanguage(query.lang, acceptLanguage);
    const { lines } = await this.report(user, id, query.minPosition);
    return csvFile(progressSheet(lines), lang, `workshop-${id}-progress-${seoulDay()}`);
  }

  @Get(':id/progress.xlsx')
  @Roles('bureau_head', 'auditor')
  @ApiOperation({ summary: 'A workshop’s progress as XLSX: a summary sheet and the progress' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async xlsx(
    @Param('id', UuidParam()) id: string,
    @Query() query: ProgressExportRequest,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const lang = reportLanguage(query.lang, acceptLanguage);
    const { workshop, lines } = await this.report(user, id, query.minPosition);
    const sheets = [summarySheet(workshop, lang), progressSheet(lines)] as ReportSheet<unknown>[];
    return xlsxFile(sheets, lang, `workshop-${id}-progress-${seoulDay()}`);
  }

  private async report(user: AuthenticatedUser, id: string, minPosition?: number) {
    await waitUntilFresh(this.freshness, WORKSHOP_SUBSCRIPTIONS, minPosition);
    return workshopProgressReport(this.workshops, this.board, user, id);
  }
}
