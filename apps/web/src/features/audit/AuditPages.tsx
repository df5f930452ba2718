import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { formatDateTime } from '../../i18n/format';
import { AuditReasonForm, AuditReasonNote, useAuditReason } from '../../ui/AuditReason';
import { StatusBadge } from '../../ui/Badges';
import { DataTable } from '../../ui/DataTable';
import { LoadError } from '../../ui/ErrorState';
import { PageHeading } from '../../ui/PageHeading';
import type { FollowUp } from '../../api/client';
import {
  isoToSeoul,
  seoulToIso,
  useAccessLog,
  useFollowUpAsOf,
  useHistory,
  useVerify,
  type AsOf,
} from './audit.queries';
import {
  filtersToForm,
  formToFilters,
  historyFiltersToSearch,
  parseHistoryFilters,
  type HistoryFilters,
} from './history-filters';

/** The export's address: a download link cannot send X-Audit-Reason, so it carries the reason. */
const exportUrl = (reason: string) => `/v1/audit/export?reason=${encodeURIComponent(reason)}`;

/**
 * Verify the log's integrity, and download it: on both audit pages. The export holds every
 * item, classified ones too, so it asks for the reading reason first (once per sign-in); once
 * given, the download link takes the focus.
 */
function VerifyAndExport() {
  const { t } = useTranslation();
  const verify = useVerify();
  const report = verify.data;
  const reason = useAuditReason();
  const [asking, setAsking] = useState(false);
  const download = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (asking && reason) {
      setAsking(false);
      download.current?.focus();
    }
  }, [asking, reason]);
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
        {reason ? (
          <a
            ref={download}
            className="btn btn-secondary btn-link"
            href={exportUrl(reason)}
            download
          >
            {t('audit.export')}
          </a>
        ) : (
          <button type="button" className="btn btn-secondary" onClick={() => setAsking(true)}>
            {t('audit.export')}
          </button>
        )}
      </div>
      {asking && !reason && <AuditReasonForm what="export" retry={() => undefined} />}
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

const FOLLOW_UP_STREAM = /^follow-up-([0-9a-f-]{36})$/;

/** The history's filters: type, stream, actor, from and to (Seoul time); kept in the address. */
function HistoryFiltersForm({
  filters,
  onApply,
}: {
  filters: HistoryFilters;
  onApply: (f: HistoryFilters) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => filtersToForm(filters));
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`history-${key}`}>{label}</label>
      <input
        id={`history-${key}`}
        type={type}
        step={type === 'datetime-local' ? 1 : undefined}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="filters"
      aria-label={t('audit.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(formToFilters(form));
      }}
    >
      {field('type', t('audit.type'))}
      {field('stream', t('audit.stream'))}
      {field('actor', t('audit.actor'))}
      {field('from', t('audit.from'), 'datetime-local')}
      {field('to', t('audit.to'), 'datetime-local')}
      <button type="submit" className="btn btn-primary">
        {t('audit.apply')}
      </button>
    </form>
  );
}

/** The global history through the filters, a thousand events of the log at a time. */
function History({ filters }: { filters: HistoryFilters }) {
  const { t, i18n } = useTranslation();
  const history = useHistory(filters);
  if (history.isPending) return <p role="status">{t('app.loading')}</p>;
  if (history.isError) {
    return (
      <LoadError error={history.error} retry={() => void history.refetch()} reasonFor="history" />
    );
  }
  const events = history.data.pages.flatMap((p) => p.events);
  return (
    <>
      <p role="status">
        {t(history.hasNextPage ? 'audit.foundMore' : 'audit.found', { count: events.length })}
      </p>
      {events.length > 0 && (
        <DataTable
          caption={t('audit.historyCaption')}
          columns={[
            t('audit.position'),
            t('audit.recordedAt'),
            t('audit.type'),
            t('audit.stream'),
            t('audit.actor'),
          ]}
        >
          {events.map((e) => {
            const task = FOLLOW_UP_STREAM.exec(e.streamId);
            return (
              <tr key={e.position}>
                <td>{e.position}</td>
                <td>
                  <time dateTime={e.recordedAt}>{formatDateTime(e.recordedAt, i18n.language)}</time>
                </td>
                <td>
                  {t(`event.${e.type}`, { defaultValue: e.type })}
                  <br />
                  <code>{e.type}</code>
                </td>
                <td>
                  {task ? (
                    <Link href={`/audit/follow-ups/${task[1]}`}>
                      <code>{e.streamId}</code>
                    </Link>
                  ) : (
                    <code>{e.streamId}</code>
                  )}{' '}
                  v{e.version}
                </td>
                <td>
                  <code>{String(e.metadata.actor ?? '')}</code>
                  {' · '}
                  {t(`role.${String(e.metadata.role)}`, {
                    defaultValue: String(e.metadata.role ?? ''),
                  })}
                  {e.metadata.agency ? `, ${String(e.metadata.agency)}` : ''}
                  {e.metadata.on_behalf_of
                    ? ` (${t('audit.onBehalfOf', { id: String(e.metadata.on_behalf_of) })})`
                    : ''}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {history.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
        >
          {history.isFetchingNextPage ? t('app.loading') : t('audit.more')}
        </button>
      )}
    </>
  );
}

/** The access log: who read, verified or exported what, and when (newest first). */
function AccessLog() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState('');
  const [actor, setActor] = useState<string | undefined>(undefined);
  const log = useAccessLog(actor);
  return (
    <section aria-labelledby="access-heading" className="panel">
      <h2 id="access-heading">{t('audit.accessLog')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setActor(draft.trim() || undefined);
        }}
      >
        <div className="field">
          <label htmlFor="access-actor">{t('audit.actor')}</label>
          <input id="access-actor" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-secondary">
          {t('audit.apply')}
        </button>
      </form>
      {log.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : log.isError ? (
        <LoadError error={log.error} retry={() => void log.refetch()} />
      ) : (
        <>
          <DataTable
            caption={t('audit.accessCaption')}
            columns={[
              t('audit.at'),
              t('audit.actor'),
              t('audit.action'),
              t('audit.target'),
              t('auditReason.label'),
            ]}
          >
            {log.data.pages
              .flatMap((p) => p.entries)
              .map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
                  </td>
                  <td>
                    <code>{entry.actor}</code>
                    {' · '}
                    {t(`role.${entry.role}`, { defaultValue: entry.role })}
                  </td>
                  <td>{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</td>
                  <td>
                    <code>{entry.target ?? ''}</code>
                  </td>
                  <td>{typeof entry.params.reason === 'string' ? entry.params.reason : ''}</td>
                </tr>
              ))}
          </DataTable>
          {log.hasNextPage && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {t('audit.more')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** /audit: the history with filters; open a task's trail by its id; verify; export; access log. */
export function AuditPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const search = useSearch();
  const filters = parseHistoryFilters(search);
  const [id, setId] = useState('');
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <AuditReasonNote />
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
      <section aria-labelledby="history-heading" className="panel">
        <h2 id="history-heading">{t('audit.history')}</h2>
        <HistoryFiltersForm
          key={search}
          filters={filters}
          onApply={(f) => {
            const next = historyFiltersToSearch(f);
            navigate(next ? `/audit?${next}` : '/audit');
          }}
        />
        <History filters={filters} />
      </section>
      <VerifyAndExport />
      <AccessLog />
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
  if (now.isError) {
    return (
      <>
        <PageHeading>{t('audit.taskTitle')}</PageHeading>
        <LoadError error={now.error} retry={() => void now.refetch()} />
      </>
    );
  }
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
      <AuditReasonNote />
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
