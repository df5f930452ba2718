import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDateTime } from '../../i18n/format';
import { OverdueBadge } from '../../ui/Badges';
import { DataTable } from '../../ui/DataTable';
import { ListState } from '../../ui/ListState';
import { PageHeading } from '../../ui/PageHeading';
import { useCounterpartRequests, type CounterpartSummary } from './counterparts.queries';

export function CounterpartStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-counterpart-${status}`}>
      {t(`counterparts.states.${status}`)}
    </span>
  );
}

/** Requests as a table: what each asked, of whom, its state and what is still owed. */
export function CounterpartTable({
  items,
  caption,
}: {
  items: CounterpartSummary[];
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={caption}
      columns={[
        t('counterparts.subject'),
        t('counterparts.counterpart'),
        t('counterparts.status'),
        t('counterparts.due'),
        t('counterparts.answers'),
        t('counterparts.chases'),
      ]}
    >
      {items.map((r) => (
        <tr key={r.id} className={r.overdue ? 'row-overdue' : undefined}>
          <td>
            <Link href={`/counterpart-requests/${r.id}`}>{r.subject}</Link>
          </td>
          <td>{r.counterpart}</td>
          <td>
            <CounterpartStatus status={r.status} />{' '}
            {r.owed && <span className="badge badge-owed">{t('counterparts.owed')}</span>}
          </td>
          <td>
            {r.dueAt ? (
              <>
                <time dateTime={r.dueAt}>{formatDateTime(r.dueAt, i18n.language)}</time>{' '}
                {r.overdue && <OverdueBadge />}
              </>
            ) : (
              '—'
            )}
          </td>
          <td>{r.answers}</td>
          <td>{r.chases}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** /counterpart-requests: the bureau's requests to outside counterparts, owed ones first. */
export function CounterpartRequestsPage() {
  const { t } = useTranslation();
  const [owed, setOwed] = useState(true);
  const list = useCounterpartRequests({ owed });
  return (
    <>
      <PageHeading>{t('counterparts.title')}</PageHeading>
      <div className="filters">
        <div className="field field-check">
          <input
            id="counterparts-owed"
            type="checkbox"
            checked={owed}
            onChange={(e) => setOwed(e.target.checked)}
          />
          <label htmlFor="counterparts-owed">{t('counterparts.owedOnly')}</label>
        </div>
      </div>
      <ListState read={list} items={list.data?.items} empty={t('counterparts.empty')}>
        {(items) => <CounterpartTable items={items} caption={t('counterparts.caption')} />}
      </ListState>
    </>
  );
}
