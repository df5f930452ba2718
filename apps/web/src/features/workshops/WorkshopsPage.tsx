import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate } from '../../i18n/format';
import { LoadError } from '../../ui/ErrorState';
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
      {workshops.isError ? (
        <LoadError error={workshops.error} retry={() => void workshops.refetch()} />
      ) : workshops.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : workshops.data.items.length === 0 ? (
        <p>{t('workshops.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('workshops.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workshops.titleField')}</th>
                <th scope="col">{t('workshops.heldOn')}</th>
                <th scope="col">{t('workshops.counterparts')}</th>
                <th scope="col">{t('workshops.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {workshops.data.items.map((w) => (
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
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
