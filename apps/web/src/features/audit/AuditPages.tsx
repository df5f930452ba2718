import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { formatDateTime } from '../../i18n/format';
import { StatusBadge } from '../../ui/Badges';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';
import type { FollowUp } from '../../api/client';
import { isoToSeoul, seoulToIso, useFollowUpAsOf, useVerify, type AsOf } from './audit.queries';

/** Verify the log's integrity, and download it: on both audit pages. */
function VerifyAndExport() {
  const { t } = useTranslation();
  const verify = useVerify();
  const report = verify.data;
  return (
    <section aria-labelledby="verify-heading" className="panel">
      <h2 id="verify-heading">{t('audit.verify')}</h2>
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {verify.isPending ? t('audit.verifying') : t('audit.verify')}
        </button>
        <a className="btn btn-secondary btn-link" href="/v1/audit/export" download>
          {t('audit.export')}
        </a>
      </div>
      {verify.isError && <LoadError error={verify.error} retry={() => verify.mutate()} />}
      {report && (
        <p role="status" className={report.ok ? 'alert alert-success' : 'alert alert-danger'}>
          {report.ok || !report.firstBroken
            ? t('audit.verified', { checked: report.checked })
            : t('audit.broken', {
                position: report.firstBroken.position,
                check: report.firstBroken.check,
                problem: report.firstBroken.problem,
              })}
        </p>
      )}
    </section>
  );
}

/** /audit: open a task's trail by its id; verify; export. */
export function AuditPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [id, setId] = useState('');
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (id.trim()) navigate(`/audit/follow-ups/${id.trim()}`);
        }}
      >
        <div className="field">
          <label htmlFor="audit-id">{t('audit.goTo')}</label>
          <input id="audit-id" value={id} onChange={(e) => setId(e.target.value)} size={40} />
        </div>
        <button type="submit" className="btn btn-primary">
          {t('audit.open')}
        </button>
      </form>
      <VerifyAndExport />
    </>
  );
}

function Events({ events }: { events: AsOf['events'] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.version}>
          <p>
            <strong>{t(`event.${e.type}`, { defaultValue: e.type })}</strong>
            {' · '}
            {t(`role.${String(e.metadata.role)}`, { defaultValue: String(e.metadata.role) })}
            {e.metadata.agency ? `, ${String(e.metadata.agency)}` : ''}
          </p>
          <p className="timeline-when">
            <time dateTime={e.recordedAt}>{formatDateTime(e.recordedAt, i18n.language)}</time>
            {' · '}#{e.position}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** /audit/follow-ups/:id: the task as it stood at a chosen time, and what changed since. */
export function AuditFollowUpPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const now = useFollowUpAsOf(id);
  const [draft, setDraft] = useState('');
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const then = useFollowUpAsOf(id, asOf);

  if (now.isPending) return <p role="status">{t('app.loading')}</p>;
  if (now.isError) return <LoadError error={now.error} retry={() => void now.refetch()} />;
  const state = (asOf ? then.data?.state : now.data.state) as Partial<FollowUp> | undefined;
  const version = asOf ? (then.data?.version ?? 0) : now.data.version;
  const since = now.data.events.filter((e) => e.version > version);

  function show(event: FormEvent) {
    event.preventDefault();
    if (draft) setAsOf(seoulToIso(draft));
  }

  return (
    <>
      <p className="eyebrow">{t('audit.taskTitle')}</p>
      <PageHeading>{String(now.data.state.title ?? id)}</PageHeading>
      <form className="filters" onSubmit={show}>
        <div className="field">
          <label htmlFor="audit-asof">{t('audit.asOf')}</label>
          <input
            id="audit-asof"
            type="datetime-local"
            step={1}
            value={draft || isoToSeoul(new Date().toISOString())}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {t('audit.show')}
        </button>
      </form>
      <section aria-labelledby="then-heading" className="panel">
        <h2 id="then-heading">{t('audit.asItStood')}</h2>
        {then.isError ? (
          <LoadError error={then.error} retry={() => void then.refetch()} />
        ) : version === 0 || !state?.status ? (
          <p>{t('audit.notYet')}</p>
        ) : (
          <dl className="details">
            <dt>{t('followUp.status')}</dt>
            <dd>
              <StatusBadge status={state.status} />
            </dd>
            <dt>{t('followUp.assignee')}</dt>
            <dd>{state.assigneeAgency}</dd>
            <dt>{t('followUp.dueAt')}</dt>
            <dd>{state.dueAt && formatDateTime(state.dueAt, i18n.language)}</dd>
            <dt>{t('followUp.version')}</dt>
            <dd>{version}</dd>
          </dl>
        )}
      </section>
      <section aria-labelledby="since-heading" className="panel">
        <h2 id="since-heading">{t('audit.changedSince')}</h2>
        {since.length === 0 ? <p>{t('audit.nothingSince')}</p> : <Events events={since} />}
      </section>
      <VerifyAndExport />
    </>
  );
}
