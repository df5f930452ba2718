import { Logger, StreamableFile } from '@nestjs/common';
import { ReportLanguage, ReportSheet, csvStream, xlsxStream } from '@liaison/views';

const CSV_TYPE = 'text/csv; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const logger = new Logger('Reports');

export function csvFile<R>(
  sheet: ReportSheet<R>,
  lang: ReportLanguage,
  name: string,
): StreamableFile {
  const file = new StreamableFile(csvStream(sheet, lang), {
    type: CSV_TYPE,
    disposition: `attachment; filename="${name}.csv"`,
  });
  return file.setErrorLogger((err) => logger.error(`CSV ${name} cut short: ${String(err)}`));
}

export function xlsxFile(
  sheets: readonly ReportSheet<unknown>[],
  lang: ReportLanguage,
  name: string,
): StreamableFile {
  const stream = xlsxStream(sheets, lang, (err) =>
    logger.error(`XLSX ${name} cut short: ${String(err)}`),
  );
  return new StreamableFile(stream, {
    type: XLSX_TYPE,
    disposition: `attachment; filename="${name}.xlsx"`,
  });
}

/** 20261129 in Seoul: the day a report was made, for its file name. */
export function seoulDay(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}
