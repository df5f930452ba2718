import { ReportLanguage } from './report-language';

/** A report cell: text, a number, a yes/no, or an instant (written in Seoul time). */
export type Cell = string | number | boolean | Date | null;

export interface ReportColumn<R> {
  header: Record<ReportLanguage, string>;
  /** Width in characters, for the spreadsheet. */
  width: number;
  value(row: R, lang: ReportLanguage): Cell;
}

/** A report as both writers take it: named sheets of columns over rows that arrive in pages. */
export interface ReportSheet<R> {
  name: Record<ReportLanguage, string>;
  columns: readonly ReportColumn<R>[];
  rows: AsyncIterable<R> | Iterable<R>;
}

const SEOUL_MS = 9 * 3_600_000;

/** "2026-11-25 14:00", Seoul's wall time (Korea keeps no daylight saving time). */
export function seoulText(d: Date): string {
  return new Date(d.getTime() + SEOUL_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** Excel keeps no time zone: a date cell shows the UTC fields of the Date it is given, so the
 * instant is shifted to Seoul's wall time before it is written. */
export function seoulWallClock(d: Date): Date {
  return new Date(d.getTime() + SEOUL_MS);
}
