import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useMe } from '../../api/session';
import { formatDateTime } from '../../i18n/format';
import { OverdueBadge, PriorityLabel, StatusBadge } from '../../ui/Badges';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';
import { useInbox } from './inbox.queries';

/** An open task past its due time counts as overdue even before the timer marks it. */
export function isOverdue(task: { overdue: boolean; dueAt: string }, now = Date.now()): boolean {
  return task.overdue || Date.parse(task.dueAt) < now;
}

export function InboxPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const inbox = useInbox(me?.person.agency);
  const tasks = inbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeading>{t('inbox.title')}</PageHeading>
      {inbox.isError ? (
        <LoadError error={inbox.error} retry={() => void inbox.refetch()} />
      ) : inbox.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : tasks.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('inbox.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('column.title')}</th>
                <th scope="col">{t('column.status')}</th>
                <th scope="col">{t('column.dueAt')}</th>
                <th scope="col">{t('column.priority')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr key={task.followUpId} className={isOverdue(task) ? 'row-overdue' : undefined}>
                  <td>
                    <Link href={`/follow-ups/${task.followUpId}`}>{task.title}</Link>
                  </td>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {inbox.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={inbox.isFetchingNextPage}
          onClick={() => void inbox.fetchNextPage()}
        >
          {t('inbox.more')}
        </button>
      )}
    </>
  );
}
