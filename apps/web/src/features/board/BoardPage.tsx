import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { formatDateTime } from '../../i18n/format';
import { OverdueBadge, PriorityLabel, StatusBadge } from '../../ui/Badges';
import { DataTable } from '../../ui/DataTable';
import { ListState } from '../../ui/ListState';
import { PageHeading } from '../../ui/PageHeading';
import { ClassificationBadge } from '../classification/ClassificationBadge';
import { BoardReportLinks } from '../report-downloads/ReportLinks';
import { isOverdue } from '../inbox/InboxPage';
import { filtersToSearch, parseFilters, type BoardFilters } from './board-filters';
import { useAgencies } from '../../api/agencies';
import { useBoard } from './board.queries';
import { BoardFiltersForm } from './BoardFiltersForm';

/** The bureau head's (and auditor's) board: filters, sort and paging, all in the address. */
export function BoardPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = parseFilters(search);
  const board = useBoard(filters);
  const agencies = useAgencies();
  const language = i18n.language === 'en' ? 'en' : 'ko';

  const go = (next: BoardFilters) => {
    const query = filtersToSearch(next);
    navigate(query ? `/board?${query}` : '/board');
  };

  return (
    <>
      <PageHeading>{t('board.title')}</PageHeading>
      <BoardFiltersForm key={search} value={filters} agencies={agencies.data ?? []} onApply={go} />
      <BoardReportLinks filters={filters} />
      <ListState read={board} items={board.data?.items} empty={t('board.empty')}>
        {(items) => (
          <DataTable
            caption={t('board.caption')}
            columns={[
              t('column.title'),
              t('column.assignee'),
              t('column.status'),
              t('column.dueAt'),
              t('column.priority'),
              t('column.officer'),
              t('column.lastChanged'),
            ]}
          >
            {items.map((task) => (
              <tr key={task.followUpId} className={isOverdue(task) ? 'row-overdue' : undefined}>
                <td>
                  <Link href={`/follow-ups/${task.followUpId}`}>{task.title}</Link>{' '}
                  <ClassificationBadge
                    quiet
                    classification={{
                      level: task.classificationLevel,
                      agencies: task.classificationAgencies,
                      people: task.classificationPeople,
                    }}
                  />
                </td>
                <td>{task.assigneeAgency}</td>
                <td>
                  <StatusBadge status={task.status} />
                </td>
                <td>
                  <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, i18n.language)}</time>{' '}
                  {isOverdue(task) && <OverdueBadge />}
                </td>
                <td>
                  <PriorityLabel priority={task.priority} />
                </td>
                <td>
                  {task.officerId === null
                    ? t('followUp.unclaimed')
                    : (task.officerName?.[language] ?? t('followUp.officerOther'))}
                </td>
                <td>
                  <time dateTime={task.lastChangedAt}>
                    {formatDateTime(task.lastChangedAt, i18n.language)}
                  </time>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListState>
      <nav aria-label={t('board.paging')} className="button-row">
        {filters.cursor && (
          <button
            type="button"
            className="btn btn-tertiary"
            onClick={() => go({ ...filters, cursor: undefined })}
          >
            {t('board.first')}
          </button>
        )}
        {board.data?.nextCursor && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => go({ ...filters, cursor: board.data.nextCursor ?? undefined })}
          >
            {t('board.next')}
          </button>
        )}
      </nav>
    </>
  );
}
