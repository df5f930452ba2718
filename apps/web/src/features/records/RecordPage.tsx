import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../api/session';
import { formatDate, formatDateTime } from '../../i18n/format';
import { LoadError } from '../../ui/ErrorState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { SmallForm } from '../../ui/SmallForm';
import { RetentionLabel } from './RecordsPage';
import { RETENTIONS, useRecord, useRecordCommands, type RecordRow } from './records.queries';

function Commands({ record }: { record: RecordRow }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useRecordCommands(record.recordId);
  const [retention, setRetention] = useState(String(record.retention));
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const reasonField = (suffix: string) => (
    <div className="field">
      <label htmlFor={`${id}-${suffix}`}>{t('records.reason')}</label>
      <textarea
        id={`${id}-${suffix}`}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </div>
  );
  const needReason = () => {
    if (reason.trim() === '') throw new Error(t('field.required'));
    return reason.trim();
  };
  // whether it is due is the API's to say (its records clock): an early approval is refused there
  const due = record.disposalDueOn !== null;

  return (
    <div className="meeting-commands">
      <Notice message={notice} />
      <SmallForm
        label={t('records.setRetention')}
        doneMessage={t('records.retentionSaved')}
        onDone={setNotice}
        onSubmit={async () => {
          const value = retention === 'permanent' ? 'permanent' : Number(retention);
          await commands.setRetention({ retention: value as 1, reason: needReason() });
          setReason('');
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-retention`}>{t('records.retention')}</label>
          <select
            id={`${id}-retention`}
            value={retention}
            onChange={(e) => setRetention(e.target.value)}
          >
            {RETENTIONS.map((r) => (
              <option key={r} value={String(r)}>
                {t(`records.retentionYears.${String(r)}`)}
              </option>
            ))}
          </select>
        </div>
        {reasonField('retention-reason')}
      </SmallForm>
      {record.legalHold ? (
        <SmallForm
          label={t('records.liftHold')}
          doneMessage={t('records.lifted')}
          onDone={setNotice}
          onSubmit={async () => {
            await commands.liftHold(needReason());
            setReason('');
          }}
        >
          {reasonField('lift-reason')}
        </SmallForm>
      ) : (
        <SmallForm
          label={t('records.placeHold')}
          doneMessage={t('records.held')}
          onDone={setNotice}
          onSubmit={async () => {
            await commands.placeHold(needReason());
            setReason('');
          }}
        >
          {reasonField('hold-reason')}
        </SmallForm>
      )}
      {due && !record.legalHold && (
        <SmallForm
          label={t('records.approve')}
          doneMessage={t('records.disposed')}
          onDone={setNotice}
          onSubmit={async () => {
            await commands.dispose();
          }}
        >
          <p className="alert alert-warning">
            {t('records.approveConfirm', { record: record.recordId })}
          </p>
        </SmallForm>
      )}
    </div>
  );
}

/** /records/:recordId: a record's class, retention, clock, hold; the records officer's commands. */
export function RecordPage({ recordId }: { recordId: string }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const record = useRecord(recordId);
  if (record.isPending) return <p role="status">{t('app.loading')}</p>;
  if (record.isError) return <LoadError error={record.error} retry={() => void record.refetch()} />;
  const r = record.data;
  return (
    <article>
      <p className="eyebrow">{t('records.title')}</p>
      <PageHeading>
        {t(`records.kinds.${r.kind}`)} · {r.recordId}
      </PageHeading>
      <section aria-labelledby="record-details" className="panel">
        <h2 id="record-details">{t('records.record')}</h2>
        <dl className="details">
          <dt>{t('records.recordClass')}</dt>
          <dd>{r.recordClass}</dd>
          <dt>{t('records.retention')}</dt>
          <dd>
            <RetentionLabel retention={r.retention} />
          </dd>
          <dt>{t('records.closedAt')}</dt>
          <dd>{r.closedAt ? formatDateTime(r.closedAt, i18n.language) : t('records.notClosed')}</dd>
          <dt>{t('records.disposeAfter')}</dt>
          <dd>
            {r.disposalDueOn
              ? formatDate(r.disposalDueOn, i18n.language)
              : r.retention === 'permanent'
                ? t('records.never')
                : '—'}
          </dd>
          <dt>{t('records.hold')}</dt>
          <dd>
            {r.legalHold
              ? t('records.onHold', { reason: r.legalHold.reason })
              : t('records.noHold')}
          </dd>
          {r.disposedAt && (
            <>
              <dt>{t('records.disposal')}</dt>
              <dd>
                {t('records.disposedState', { at: formatDateTime(r.disposedAt, i18n.language) })}
              </dd>
            </>
          )}
        </dl>
        {hasRole(me, 'records_officer') && !r.disposedAt && <Commands record={r} />}
      </section>
    </article>
  );
}
