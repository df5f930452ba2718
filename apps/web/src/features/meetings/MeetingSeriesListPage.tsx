import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate, formatDateTime } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { ListState } from '../../ui/ListState';
import { PageHeading } from '../../ui/PageHeading';
import { useMeetingSeriesList, type SeriesSummary } from './meetings.queries';

/** The series as a table (the list page, and a workshop's own). */
export function SeriesTable({ items, caption }: { items: SeriesSummary[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={caption}
      columns={[
        t('meetings.series'),
        t('followUp.host'),
        t('meetings.held'),
        t('meetings.next'),
        t('meetings.lastHeld'),
      ]}
    >
      {items.map((s) => (
        <tr key={s.id}>
          <td>
            <Link href={`/meeting-series/${s.id}`}>{s.title}</Link>
          </td>
          <td>{s.hostAgency}</td>
          <td>{t('meetings.heldOf', { held: s.held, meetings: s.meetings })}</td>
          <td>
            {s.nextStartsAt ? (
              <time dateTime={s.nextStartsAt}>{formatDateTime(s.nextStartsAt, i18n.language)}</time>
            ) : (
              t('meetings.none')
            )}
          </td>
          <td>{s.lastHeldOn ? formatDate(s.lastHeldOn, i18n.language) : t('meetings.none')}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** /meeting-series: every working-level meeting series the person may read. */
export function MeetingSeriesListPage() {
  const { t } = useTranslation();
  const list = useMeetingSeriesList();
  return (
    <>
      <PageHeading>{t('meetings.title')}</PageHeading>
      <ListState read={list} items={list.data?.items} empty={t('meetings.empty')}>
        {(items) => <SeriesTable items={items} caption={t('meetings.caption')} />}
      </ListState>
    </>
  );
}
