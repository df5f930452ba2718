import type { BoardFilters } from '../board/board-filters';

export type ReportFormat = 'csv' | 'xlsx';
type Lang = 'ko' | 'en';

/**
 * The board as a report, with the page's filters and sort (not its paging: a report holds every
 * row they select) and the page's language for its headers.
 */
export function boardReportUrl(filters: BoardFilters, format: ReportFormat, lang: Lang): string {
  const q = new URLSearchParams();
  if (filters.agency) q.set('agency', filters.agency);
  if (filters.status) q.set('status', filters.status);
  if (filters.overdue) q.set('overdue', 'true');
  q.set('sort', filters.sort);
  q.set('order', filters.order);
  q.set('lang', lang);
  return `/v1/follow-ups/export.${format}?${q.toString()}`;
}

/** A workshop's progress (이행 현황) as a report. */
export function progressReportUrl(workshopId: string, format: ReportFormat, lang: Lang): string {
  return `/v1/workshops/${encodeURIComponent(workshopId)}/progress.${format}?lang=${lang}`;
}
