import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ReportLanguage, YES } from './report-language';
import { Cell, ReportSheet, seoulWallClock } from './report-table';

/**
 * Sheets as an XLSX workbook, written by exceljs' streaming writer: each row is committed as
 * it arrives, so a large board never sits in memory. Cells are typed (text stays text, so no
 * formula can be smuggled in as with CSV); instants are date cells in Seoul time.
 */
export function xlsxStream(
  sheets: readonly ReportSheet<unknown>[],
  lang: ReportLanguage,
  onError: (err: unknown) => void = () => {},
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  workbook.creator = 'Liaison';
  void (async () => {
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.name[lang], {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      ws.columns = sheet.columns.map((c) => ({ header: c.header[lang], width: c.width }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const row of sheet.rows) {
        const added = ws.addRow(sheet.columns.map((c) => xlsxValue(c.value(row, lang), lang)));
        sheet.columns.forEach((c, i) => {
          if (c.value(row, lang) instanceof Date) added.getCell(i + 1).numFmt = 'yyyy-mm-dd hh:mm';
        });
        added.commit();
      }
      ws.commit();
    }
    await workbook.commit();
  })().catch((err: unknown) => {
    onError(err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}

function xlsxValue(cell: Cell, lang: ReportLanguage): ExcelJS.CellValue {
  if (cell === null) return null;
  if (cell instanceof Date) return seoulWallClock(cell);
  if (typeof cell === 'boolean') return cell ? YES[lang] : '';
  return cell;
}
