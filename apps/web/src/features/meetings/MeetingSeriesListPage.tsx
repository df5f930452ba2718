import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate, formatDateTime } from '../../i18n/format';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';
import { useMeetingSeriesList, type SeriesSummary } from './meetings.queries';

/** The series as a table (the list page, and a workshop's own). */
export function SeriesTable({ items, caption }: { items: SeriesSummary[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.series')}</th>
            <th scope="col">{t('followUp.host')}</th>
            <th scope="col">{t('meetings.held')}</th>
            <th scope="col">{t('meetings.next')}</th>
            <th scope="col">{t('meetings.lastHeld')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                <Link href={`/meeting-series/${s.id}`}>{s.title}</Link>
              </td>
              <td>{s.hostAgency}</td>
              <td>{t('meetings.heldOf', { held: s.held, meetings: s.meetings })}</td>
              <td>
                {s.nextStartsAt ? (
                  <time dateTime={s.nextStartsAt}>
                    {formatDateTime(s.nextStartsAt, i18n.language)}
                  </time>
                ) : (
                  t('meetings.none')
                )}
              </td>
              <td>{s.lastHeldOn ? formatDate(s.lastHeldOn, i18n.language) : t('meetings.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /meeting-series: every working-level meeting series the person may read. */
export function MeetingSeriesListPage() {
  const { t } = useTranslation();
  const list = useMeetingSeriesList();
  return (
    <>
      <PageHeading>{t('meetings.title')}</PageHeading>
      {list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : list.data.items.length === 0 ? (
        <p>{t('meetings.empty')}</p>
      ) : (
        <SeriesTable items={list.data.items} caption={t('meetings.caption')} />
      )}
    </>
  );
}
