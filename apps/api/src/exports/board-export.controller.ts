import { Controller, Get, Headers, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import {
  BOARD_SUBSCRIPTIONS,
  BoardReader,
  ProjectionFreshness,
  ReportSheet,
  boardRows,
  boardSheet,
  reportLanguage,
  waitUntilFresh,
} from '@liaison/views';
import { csvFile, seoulDay, xlsxFile } from './report-files';
import { BoardExportRequest } from './export.request.dto';

/**
 * The board as a report (CSV, XLSX), with the board's filters and scope. A controller of its
 * own on the follow-ups prefix: the router matches the static `export.csv` before `:id`.
 */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups')
export class BoardExportController {
  constructor(
    private readonly board: BoardReader,
    private readonly freshness: ProjectionFreshness,
  ) {}

  @Get('export.csv')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({ summary: 'The board as CSV (UTF-8 with BOM), every row the filters select' })
  @ApiProduces('text/csv')
  async csv(
    @Query() query: BoardExportRequest,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const lang = reportLanguage(query.lang, acceptLanguage);
    return csvFile(await this.sheet(user, query), lang, `board-${seoulDay()}`);
  }

  @Get('export.xlsx')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({ summary: 'The board as an XLSX workbook, every row the filters select' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async xlsx(
    @Query() query: BoardExportRequest,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const lang = reportLanguage(query.lang, acceptLanguage);
    const sheet = (await this.sheet(user, query)) as ReportSheet<unknown>;
    return xlsxFile([sheet], lang, `board-${seoulDay()}`);
  }

  private async sheet(user: AuthenticatedUser, query: BoardExportRequest) {
    const {
      minPosition,
      sort,
      order,
      cursor: _cursor,
      limit: _limit,
      lang: _lang,
      ...filter
    } = query;
    await waitUntilFresh(this.freshness, BOARD_SUBSCRIPTIONS, minPosition);
    return boardSheet(await boardRows(this.board, user, filter, { sort, order }));
  }
}
