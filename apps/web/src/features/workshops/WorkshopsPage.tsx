import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { ListState } from '../../ui/ListState';
import { PageHeading } from '../../ui/PageHeading';
import { useWorkshops } from './workshops.queries';

/** The bureau head's workshops, most recent first, each with how far its follow-ups are. */
export function WorkshopsPage() {
  const { t, i18n } = useTranslation();
  const workshops = useWorkshops();
  return (
    <>
      <PageHeading>{t('workshops.title')}</PageHeading>
      <p>
        <Link href="/workshops/new" className="btn btn-primary btn-link">
          {t('workshops.new')}
        </Link>
      </p>
      <ListState read={workshops} items={workshops.data?.items} empty={t('workshops.empty')}>
        {(items) => (
          <DataTable
            caption={t('workshops.caption')}
            columns={[
              t('workshops.titleField'),
              t('workshops.heldOn'),
              t('workshops.counterparts'),
              t('workshops.progress'),
            ]}
          >
            {items.map((w) => (
              <tr key={w.workshopId}>
                <td>
                  <Link href={`/workshops/${w.workshopId}`}>{w.title}</Link>
                </td>
                <td>{formatDate(w.heldOn, i18n.language)}</td>
                <td>{w.counterparts.join(', ')}</td>
                <td>
                  {t('workshops.progressOf', {
                    done: w.followUps.byStatus.accepted ?? 0,
                    total: w.followUps.total,
                  })}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </ListState>
    </>
  );
}
