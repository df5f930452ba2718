import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { formatDate, formatDateTime } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';
import { RECORD_ID, useDisposalReview } from './records.queries';

export function RetentionLabel({ retention }: { retention: number | 'permanent' }) {
  const { t } = useTranslation();
  return (
    <>{t(`records.retentionYears.${String(retention)}`, { defaultValue: String(retention) })}</>
  );
}

/** /records?on=: the disposal review (폐기 심의) as of a day, and opening any record by its id. */
export function RecordsPage() {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const on = new URLSearchParams(useSearch()).get('on') ?? undefined;
  const valid = on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : undefined;
  const review = useDisposalReview(valid);
  const [day, setDay] = useState(valid ?? '');
  const [recordId, setRecordId] = useState('');
  const [problem, setProblem] = useState(false);

  function show(event: FormEvent) {
    event.preventDefault();
    navigate(day ? `/records?on=${day}` : '/records');
  }
  function open(event: FormEvent) {
    event.preventDefault();
    const id = recordId.trim();
    setProblem(!RECORD_ID.test(id));
    if (RECORD_ID.test(id)) navigate(`/records/${id}`);
  }

  return (
    <>
      <PageHeading>{t('records.title')}</PageHeading>
      <form className="filters" onSubmit={open} aria-label={t('records.find')} noValidate>
        <div className="field field-grow">
          <label htmlFor="record-id">{t('records.recordId')}</label>
          <input
            id="record-id"
            type="search"
            value={recordId}
            aria-invalid={problem}
            aria-describedby={problem ? 'record-id-error' : undefined}
            onChange={(e) => setRecordId(e.target.value)}
          />
          {problem && (
            <p id="record-id-error" className="field-error">
              {t('records.recordId')}
            </p>
          )}
        </div>
        <button type="submit" className="btn btn-secondary">
          {t('records.open')}
        </button>
      </form>
      <section aria-labelledby="review-heading">
        <h2 id="review-heading">{t('records.review')}</h2>
        <form className="filters" onSubmit={show} aria-label={t('records.review')}>
          <div className="field">
            <label htmlFor="review-on">{t('records.asOf')}</label>
            <input
              id="review-on"
              type="date"
              value={day}
              onChange={(e) => setDay(e.target.value)}
            />
          </div>
          <button type="submit" className="btn btn-primary">
            {t('records.show')}
          </button>
        </form>
        {review.isError ? (
          <LoadError error={review.error} retry={() => void review.refetch()} />
        ) : review.isPending ? (
          <p role="status">{t('app.loading')}</p>
        ) : review.data.items.length === 0 ? (
          <p>{t('records.reviewEmpty')}</p>
        ) : (
          <DataTable
            caption={
              <>
                {t('records.reviewCaption')} ({formatDate(review.data.on, i18n.language)})
              </>
            }
            columns={[
              t('records.record'),
              t('records.kind'),
              t('records.retention'),
              t('records.closedAt'),
              t('records.disposeAfter'),
              t('records.hold'),
            ]}
          >
            {review.data.items.map((r) => (
              <tr key={r.recordId}>
                <td>
                  <Link href={`/records/${r.recordId}`}>{r.recordId}</Link>
                </td>
                <td>{t(`records.kinds.${r.kind}`)}</td>
                <td>
                  <RetentionLabel retention={r.retention} />
                </td>
                <td>{r.closedAt ? formatDateTime(r.closedAt, i18n.language) : '—'}</td>
                <td>{r.disposalDueOn ? formatDate(r.disposalDueOn, i18n.language) : '—'}</td>
                <td>
                  {r.legalHold
                    ? t('records.onHold', { reason: r.legalHold.reason })
                    : t('records.noHold')}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
