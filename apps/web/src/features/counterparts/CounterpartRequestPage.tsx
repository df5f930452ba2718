import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useMe } from '../../api/session';
import { formatDateTime } from '../../i18n/format';
import { OverdueBadge } from '../../ui/Badges';
import { LoadError } from '../../ui/ErrorState';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { SmallForm } from '../../ui/SmallForm';
import { CounterpartStatus } from './CounterpartRequestsPage';
import {
  dueAtOfDay,
  useCounterpartCommands,
  useCounterpartRequest,
  verbsFor,
  type CounterpartDetail,
} from './counterparts.queries';

type Link = NonNullable<CounterpartDetail['currentLink']>;

function LinkBox({ link }: { link: Link }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="link-box">
      <p className="field-hint">{t('counterparts.linkHint')}</p>
      <p>
        <a href={link.url}>{link.url}</a>
      </p>
      <p className="field-hint">
        {t('counterparts.linkExpires', { at: formatDateTime(link.expiresAt, i18n.language) })}
      </p>
    </div>
  );
}

function Verbs({ request }: { request: CounterpartDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCounterpartCommands();
  const [due, setDue] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<'answered' | 'withdrawn' | 'unanswered'>('answered');
  const [reason, setReason] = useState('');
  const verbs = verbsFor(request.status);
  // a verb's form leaves with the state it needed: its message stays here
  const [notice, setNotice] = useState<string | null>(null);
  const done = { onDone: setNotice };
  return (
    <div className="meeting-commands">
      <Notice message={notice} />
      {verbs.send && (
        <SmallForm
          label={t('counterparts.send')}
          doneMessage={t('counterparts.sent')}
          {...done}
          primary
          onSubmit={async () => {
            await commands.send(request.id, dueAtOfDay(due));
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-send-due`}>{t('counterparts.sendDue')}</label>
            <input
              id={`${id}-send-due`}
              type="date"
              value={due}
              onChange={(e) => setDue(e.target.value)}
            />
          </div>
        </SmallForm>
      )}
      {verbs.acknowledge && (
        <SmallForm
          label={t('counterparts.acknowledge')}
          doneMessage={t('counterparts.acknowledged')}
          {...done}
          onSubmit={async () => {
            await commands.acknowledge(request.id, note.trim() || undefined);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-ack-note`}>{t('counterparts.note')}</label>
            <textarea
              id={`${id}-ack-note`}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
        </SmallForm>
      )}
      {verbs.chase && (
        <SmallForm
          label={t('counterparts.chase')}
          doneMessage={t('counterparts.chased')}
          {...done}
          onSubmit={async () => {
            await commands.chase(request.id, {
              ...(due && { dueAt: dueAtOfDay(due) }),
              ...(note.trim() && { note: note.trim() }),
            });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-chase-due`}>{t('counterparts.newDue')}</label>
            <input
              id={`${id}-chase-due`}
              type="date"
              value={due}
              onChange={(e) => setDue(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-chase-note`}>{t('counterparts.note')}</label>
            <textarea
              id={`${id}-chase-note`}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
        </SmallForm>
      )}
      {verbs.close && (
        <SmallForm
          label={t('counterparts.close')}
          doneMessage={t('counterparts.closed')}
          {...done}
          onSubmit={async () => {
            await commands.close(request.id, {
              outcome,
              ...(reason.trim() && { reason: reason.trim() }),
            });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-outcome`}>{t('counterparts.outcome')}</label>
            <select
              id={`${id}-outcome`}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as typeof outcome)}
            >
              {(['answered', 'withdrawn', 'unanswered'] as const).map((o) => (
                <option key={o} value={o}>
                  {t(`counterparts.outcomes.${o}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('counterparts.reason')}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </SmallForm>
      )}
    </div>
  );
}

/** /counterpart-requests/:id: a request to a counterpart, its answers with their files, its verbs. */
export function CounterpartRequestPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const request = useCounterpartRequest(id);
  if (request.isPending) return <p role="status">{t('app.loading')}</p>;
  if (request.isError)
    return <LoadError error={request.error} retry={() => void request.refetch()} />;
  const r = request.data;
  const manages = hasRole(me, 'bureau_head');

  return (
    <article>
      <p className="eyebrow">{t('counterparts.title')}</p>
      <PageHeading>{r.subject}</PageHeading>
      <p className="status-line">
        <CounterpartStatus status={r.status} />{' '}
        {r.owed && <span className="badge badge-owed">{t('counterparts.owed')}</span>}{' '}
        {r.overdue && <OverdueBadge />}
      </p>
      <section aria-labelledby="cp-details" className="panel">
        <h2 id="cp-details">{t('counterparts.details')}</h2>
        <dl className="details">
          <dt>{t('counterparts.counterpart')}</dt>
          <dd>{r.counterpart}</dd>
          <dt>{t('counterparts.requestedBy')}</dt>
          <dd>{r.requestedBy}</dd>
          <dt>{t('counterparts.due')}</dt>
          <dd>{r.dueAt ? formatDateTime(r.dueAt, i18n.language) : '—'}</dd>
          {r.message && (
            <>
              <dt>{t('counterparts.message')}</dt>
              <dd className="prose">{r.message}</dd>
            </>
          )}
          <dt>{t('counterparts.chases')}</dt>
          <dd>{r.chases}</dd>
        </dl>
        {r.currentLink && (
          <>
            <h3>{t('counterparts.link')}</h3>
            <LinkBox link={r.currentLink} />
          </>
        )}
        {manages && <Verbs request={r} />}
      </section>
      <section aria-labelledby="cp-answers" className="panel">
        <h2 id="cp-answers">{t('counterparts.answersTitle')}</h2>
        {r.answers.length === 0 ? (
          <p>{t('counterparts.noAnswers')}</p>
        ) : (
          <ol className="answers">
            {r.answers.map((a) => (
              <li key={a.answerId} className="answer">
                <p className="search-meta">
                  {t('counterparts.answeredAt', { at: formatDateTime(a.at, i18n.language) })}
                </p>
                {a.text && <p className="prose">{a.text}</p>}
                {a.files.length > 0 && (
                  <ul aria-label={t('counterparts.files')}>
                    {a.files.map((f) => (
                      <li key={f.sha256}>
                        <a
                          href={`/v1/counterpart-requests/${encodeURIComponent(r.id)}/files/${f.sha256}`}
                          download={f.name}
                          aria-label={t('counterparts.download', { name: f.name })}
                        >
                          {f.name}
                        </a>{' '}
                        <span className="search-meta">
                          ({f.size.toLocaleString(i18n.language)} B)
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
                {a.complete && <p className="field-hint">{t('counterparts.complete')}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="cp-history" className="panel">
        <h2 id="cp-history">{t('counterparts.history')}</h2>
        <ol className="history-list">
          {r.history.map((h) => (
            <li key={h.version}>
              <time dateTime={h.at}>{formatDateTime(h.at, i18n.language)}</time> ·{' '}
              {t(`counterparts.events.${h.type}`, { defaultValue: h.type })}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
