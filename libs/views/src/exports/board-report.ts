import { Actor } from '@liaison/follow-up';
import { BoardFilter, PageRequest } from '../queries/board-query';
import { BoardItem, BoardReader } from '../queries/board.reader';
import { PRIORITY_LABELS, SOURCE_LABELS, STATUS_LABELS } from './report-language';
import { ReportColumn, ReportSheet } from './report-table';

/** Rows are read from the board in pages of this many (the board's own maximum). */
const PAGE = 200;

/**
 * The board's rows for a report: the board's filters and sort, scoped by the actor as the board
 * is (BoardReader.page), read page by page as the writer pulls them. The first page is read
 * before the answer starts, so a refused scope or a bad filter is still a 4xx, not a cut file.
 */
export async function boardRows(
  reader: BoardReader,
  actor: Actor,
  filter: BoardFilter,
  sort: Pick<PageRequest, 'sort' | 'order'> = {},
): Promise<AsyncIterable<BoardItem>> {
  const first = await reader.page(actor, filter, { ...sort, limit: PAGE });
  return {
    async *[Symbol.asyncIterator]() {
      let page = first;
      for (;;) {
        yield* page.items;
        if (!page.nextCursor) return;
        page = await reader.page(actor, filter, { ...sort, limit: PAGE, cursor: page.nextCursor });
      }
    },
  };
}

const officer = (r: BoardItem, lang: 'ko' | 'en') =>
  r.officerName ? r.officerName[lang] || r.officerName.ko : (r.officerId ?? null);

export const BOARD_COLUMNS: readonly ReportColumn<BoardItem>[] = [
  { header: { ko: '과제 ID', en: 'Task ID' }, width: 38, value: (r) => r.followUpId },
  { header: { ko: '과제명', en: 'Title' }, width: 48, value: (r) => r.title },
  { header: { ko: '담당 기관', en: 'Agency' }, width: 12, value: (r) => r.assigneeAgency },
  { header: { ko: '담당자', en: 'Officer' }, width: 16, value: officer },
  {
    header: { ko: '상태', en: 'Status' },
    width: 14,
    value: (r, l) => STATUS_LABELS[l][r.status] ?? r.status,
  },
  {
    header: { ko: '우선순위', en: 'Priority' },
    width: 10,
    value: (r, l) => PRIORITY_LABELS[l][r.priority] ?? r.priority,
  },
  {
    header: { ko: '처리 기한 (KST)', en: 'Due (KST)' },
    width: 18,
    value: (r) => new Date(r.dueAt),
  },
  {
    header: { ko: '기한 경과', en: 'Overdue' },
    width: 10,
    value: (r) => r.overdue && isOpen(r.status),
  },
  { header: { ko: '상급자 보고', en: 'Escalated' }, width: 10, value: (r) => r.escalated },
  {
    header: { ko: '최근 변경 (KST)', en: 'Last change (KST)' },
    width: 18,
    value: (r) => new Date(r.lastChangedAt),
  },
  { header: { ko: '주관 기관', en: 'Host agency' }, width: 12, value: (r) => r.hostAgency },
  { header: { ko: '워크숍 ID', en: 'Workshop ID' }, width: 38, value: (r) => r.workshopId },
  {
    header: { ko: '출처', en: 'Source' },
    width: 14,
    value: (r, l) => SOURCE_LABELS[l][r.sourceKind] ?? r.sourceKind,
  },
];

export function boardSheet(rows: AsyncIterable<BoardItem>): ReportSheet<BoardItem> {
  return { name: { ko: '현황판', en: 'Board' }, columns: BOARD_COLUMNS, rows };
}

function isOpen(status: string): boolean {
  return status !== 'accepted' && status !== 'cancelled';
}
