import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { ListState } from '../../ui/ListState';
import { Notice } from '../../ui/Notice';
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
      <Notice message={done} />
      <ListState
        read={letters}
        items={letters.data?.items}
        empty={t('admin.dead.empty')}
        announceEmpty
      >
        {(items) => (
          <DataTable
            caption={t('admin.dead.caption')}
            columns={[
              t('admin.dead.failedAt'),
              t('admin.dead.job'),
              t('admin.dead.reason'),
              t('admin.dead.retried'),
              t('admin.actions'),
            ]}
            topAligned
          >
            {items.map((d) => (
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
          </DataTable>
        )}
      </ListState>
    </section>
  );
}
