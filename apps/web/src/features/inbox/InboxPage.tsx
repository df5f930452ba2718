import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useMe } from '../../api/session';
import { formatDateTime } from '../../i18n/format';
import { OverdueBadge, PriorityLabel, StatusBadge } from '../../ui/Badges';
import { DataTable } from '../../ui/DataTable';
import { ListState } from '../../ui/ListState';
import { PageHeading } from '../../ui/PageHeading';
import { ClassificationBadge } from '../classification/ClassificationBadge';
import { DelegationPanel } from './DelegationPanel';
import { useInbox, type InboxScope } from './inbox.queries';

/** An open task past its due time counts as overdue even before the timer marks it. */
export function isOverdue(task: { overdue: boolean; dueAt: string }, now = Date.now()): boolean {
  return task.overdue || Date.parse(task.dueAt) < now;
}

export function InboxPage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const [scope, setScope] = useState<InboxScope>('agency');
  const inbox = useInbox(me?.person.agency, scope);
  const language = i18n.language === 'en' ? 'en' : 'ko';
  const tasks = inbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeading>{t('inbox.title')}</PageHeading>
      <div role="group" aria-label={t('inbox.scope')} className="segmented">
        {(['agency', 'mine'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={scope === option}
            onClick={() => setScope(option)}
          >
            {t(`inbox.${option}`)}
          </button>
        ))}
      </div>
      <ListState read={inbox} items={tasks} empty={t('inbox.empty')}>
        {(items) => (
          <DataTable
            caption={t('inbox.caption')}
            columns={[
              t('column.title'),
              t('column.status'),
              t('column.dueAt'),
              t('column.priority'),
              t('column.officer'),
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
              </tr>
            ))}
          </DataTable>
        )}
      </ListState>
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
      {me && <DelegationPanel me={me} />}
    </>
  );
}
