import { Actor, NotFoundError } from '@liaison/follow-up';
import { BoardItem, BoardReader } from '../queries/board.reader';
import {
  SourceProgress,
  WorkshopProgressView,
} from '../queries/workshop-progress/workshop-progress.view';
import { WorkshopReader } from '../queries/workshop-progress/workshop.reader';
import { ALL_FOLLOW_UP_STATUSES } from '@liaison/follow-up';
import { boardRows } from './board-report';
import { ReportLanguage, SOURCE_LABELS, STATUS_LABELS } from './report-language';
import { ReportColumn, ReportSheet } from './report-table';

/** One line of a workshop's progress (이행 현황): a source, and one of its tasks if it has any. */
export interface ProgressLine {
  kind: 'action' | 'info_request';
  source: Pick<SourceProgress, 'sourceId' | 'summary' | 'agency' | 'dueDate'>;
  task?: BoardItem;
}

/**
 * A workshop's progress report: each agreed action and info request, with the tasks made from
 * it (one line each; a source without tasks gets a line of its own). The workshop is read as
 * the workshop policy allows (404 otherwise), its tasks as the board's scope allows.
 */
export async function workshopProgressReport(
  workshops: WorkshopReader,
  board: BoardReader,
  actor: Actor,
  workshopId: string,
): Promise<{ workshop: WorkshopProgressView; lines: ProgressLine[] }> {
  const workshop = await workshops.one(actor, workshopId);
  if (!workshop) throw new NotFoundError('workshop', workshopId);
  const bySource = new Map<string, BoardItem[]>();
  // A workshop has tens of tasks, not thousands: they are gathered to be grouped by source.
  for await (const task of await boardRows(board, actor, { workshopId }, { sort: 'dueAt' })) {
    const list = bySource.get(task.sourceId) ?? [];
    list.push(task);
    bySource.set(task.sourceId, list);
  }
  const lines: ProgressLine[] = [];
  const sources: [ProgressLine['kind'], SourceProgress[]][] = [
    ['action', workshop.actions],
    ['info_request', workshop.requests],
  ];
  for (const [kind, list] of sources) {
    for (const source of list) {
      const tasks = bySource.get(source.sourceId) ?? [];
      if (tasks.length === 0) lines.push({ kind, source });
      for (const task of tasks) lines.push({ kind, source, task });
    }
  }
  return { workshop, lines };
}

export const PROGRESS_COLUMNS: readonly ReportColumn<ProgressLine>[] = [
  {
    header: { ko: '구분', en: 'Kind' },
    width: 12,
    value: (l, lang) => SOURCE_LABELS[lang][l.kind],
  },
  { header: { ko: '내용', en: 'Description' }, width: 48, value: (l) => l.source.summary },
  { header: { ko: '주관 기관', en: 'Lead agency' }, width: 12, value: (l) => l.source.agency },
  {
    header: { ko: '목표일', en: 'Target date' },
    width: 12,
    value: (l) => l.source.dueDate ?? null,
  },
  { header: { ko: '과제 ID', en: 'Task ID' }, width: 38, value: (l) => l.task?.followUpId ?? null },
  { header: { ko: '과제명', en: 'Task' }, width: 40, value: (l) => l.task?.title ?? null },
  {
    header: { ko: '담당 기관', en: 'Agency' },
    width: 12,
    value: (l) => l.task?.assigneeAgency ?? null,
  },
  {
    header: { ko: '상태', en: 'Status' },
    width: 14,
    value: (l, lang) => (l.task ? (STATUS_LABELS[lang][l.task.status] ?? l.task.status) : null),
  },
  {
    header: { ko: '처리 기한 (KST)', en: 'Due (KST)' },
    width: 18,
    value: (l) => (l.task ? new Date(l.task.dueAt) : null),
  },
  {
    header: { ko: '기한 경과', en: 'Overdue' },
    width: 10,
    value: (l) =>
      l.task
        ? l.task.overdue && l.task.status !== 'accepted' && l.task.status !== 'cancelled'
        : null,
  },
];

export function progressSheet(lines: readonly ProgressLine[]): ReportSheet<ProgressLine> {
  return { name: { ko: '이행 현황', en: 'Progress' }, columns: PROGRESS_COLUMNS, rows: lines };
}

/** The summary sheet of the XLSX: the workshop and its counts by status. */
export function summarySheet(
  workshop: WorkshopProgressView,
  lang: ReportLanguage,
): ReportSheet<[string, string | number]> {
  const rows: [string, string | number][] = [
    [lang === 'ko' ? '워크숍' : 'Workshop', workshop.title],
    [lang === 'ko' ? '개최일' : 'Held on', workshop.heldOn],
    [lang === 'ko' ? '주관 기관' : 'Host', workshop.hostAgency],
    [lang === 'ko' ? '후속 조치 (전체)' : 'Follow-ups (all)', workshop.followUps.total],
    ...ALL_FOLLOW_UP_STATUSES.map((s): [string, number] => [
      STATUS_LABELS[lang][s],
      workshop.followUps.byStatus[s],
    ]),
    [
      lang === 'ko' ? '완료율' : 'Share done',
      workshop.followUps.shareDone === null
        ? ''
        : Math.round(workshop.followUps.shareDone * 1000) / 10,
    ],
  ];
  return {
    name: { ko: '요약', en: 'Summary' },
    columns: [
      { header: { ko: '항목', en: 'Item' }, width: 24, value: (r) => r[0] },
      { header: { ko: '값', en: 'Value' }, width: 48, value: (r) => r[1] },
    ],
    rows,
  };
}
