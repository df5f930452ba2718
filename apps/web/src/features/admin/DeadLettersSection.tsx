import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { LoadError } from '../../ui/ErrorState';
import { adminCalls, useAdminChange, useDeadLetters } from './admin.queries';
import { ApiProblem } from './ApiProblem';

/**
 * /admin/dead-letters: deliveries that ran out of retries (the task was escalated). Each can be
 * inspected (payload, last failure) and sent again; the API keeps every letter (no discard).
 */
export function DeadLettersSection() {
  const { t, i18n } = useTranslation();
  const [waiting, setWaiting] = useState(true);
  const letters = useDeadLetters(waiting);
  const retry = useAdminChange(adminCalls.retryDeadLetter);
  const [done, setDone] = useState<string | null>(null);
  const when = (iso?: string) => (iso ? formatDateTime(iso, i18n.language) : '');
  return (
    <section aria-labelledby="dead-heading" className="panel">
      <h2 id="dead-heading">{t('admin.section.deadLetters')}</h2>
      <p>{t('admin.dead.intro')}</p>
      <div className="field-check">
        <input
          id="dead-waiting"
          type="checkbox"
          checked={waiting}
          onChange={(e) => setWaiting(e.target.checked)}
        />
        <label htmlFor="dead-waiting">{t('admin.dead.waitingOnly')}</label>
      </div>
      <ApiProblem error={retry.error} />
      {done && (
        <p role="status" className="alert alert-success">
          {done}
        </p>
      )}
      {letters.isError ? (
        <LoadError error={letters.error} retry={() => void letters.refetch()} />
      ) : letters.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : letters.data.items.length === 0 ? (
        <p role="status">{t('admin.dead.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table top-aligned">
            <caption>{t('admin.dead.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.dead.failedAt')}</th>
                <th scope="col">{t('admin.dead.job')}</th>
                <th scope="col">{t('admin.dead.reason')}</th>
                <th scope="col">{t('admin.dead.retried')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {letters.data.items.map((d) => (
                <tr key={d.id}>
                  <td>{when(d.failedAt)}</td>
                  <td>
                    <code>{d.queue}</code> · {d.jobName}
                    {d.agency ? ` · ${d.agency}` : ''}
                    <br />
                    {t('admin.dead.attempts', { count: d.attempts })}
                    <details>
                      <summary>{t('admin.dead.payload')}</summary>
                      <pre className="payload">{JSON.stringify(d.payload, null, 2)}</pre>
                    </details>
                  </td>
                  <td className="prose">{d.reason}</td>
                  <td>
                    {d.retriedAt
                      ? t('admin.dead.retriedAt', { at: when(d.retriedAt), count: d.retryCount })
                      : t('admin.dead.notYet')}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-secondary btn-small"
                      disabled={retry.isPending}
                      aria-label={t('admin.dead.retryOne', { job: d.jobId })}
                      onClick={() => {
                        setDone(null);
                        retry.mutate(d.id, {
                          onSuccess: () => setDone(t('admin.dead.retriedNow', { job: d.jobId })),
                        });
                      }}
                    >
                      {t('admin.dead.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
