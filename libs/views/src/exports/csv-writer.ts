import { Readable } from 'node:stream';
import { Cell, ReportSheet, seoulText } from './report-table';
import { ReportLanguage, YES } from './report-language';

/** Excel reads a UTF-8 file as the system's code page unless it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';

/**
 * A cell as CSV text: quoted when it holds a quote, comma or line break (RFC 4180), and defused
 * when a spreadsheet would read it as a formula: text starting with = + - @ (or a tab or
 * carriage return, which some spreadsheets skip before looking) gets a leading apostrophe
 * (OWASP "CSV injection"). A task's title is typed by people of other agencies.
 */
export function csvCell(cell: Cell, lang: ReportLanguage): string {
  if (cell === null) return '';
  const text =
    cell instanceof Date
      ? seoulText(cell)
      : typeof cell === 'boolean'
        ? cell
          ? YES[lang]
          : ''
        : String(cell);
  const defused = typeof cell === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** The sheet as CSV lines (CRLF), the BOM first; rows are pulled as the reader asks for them,
 * so a board of any size streams in pages without being held in memory. */
export function csvStream<R>(sheet: ReportSheet<R>, lang: ReportLanguage): Readable {
  async function* lines() {
    yield UTF8_BOM + sheet.columns.map((c) => csvCell(c.header[lang], lang)).join(',') + '\r\n';
    for await (const row of sheet.rows) {
      yield sheet.columns.map((c) => csvCell(c.value(row, lang), lang)).join(',') + '\r\n';
    }
  }
  return Readable.from(lines(), { objectMode: false });
}
