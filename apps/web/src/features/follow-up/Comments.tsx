import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { rememberPosition } from '../../api/fresh-reads';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../i18n/format';
import { ListState } from '../../ui/ListState';
import { Notice } from '../../ui/Notice';

type Comments = components['schemas']['CommentsDto'];

export function useComments(id: string) {
  return useQuery({
    queryKey: ['follow-up', id, 'comments'],
    queryFn: () =>
      unwrap<Comments>(api.GET('/v1/follow-ups/{id}/comments', { params: { path: { id } } })),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

/** Comments from both sides of the task, oldest first, and a field to add one. */
export function CommentsPanel({ id, viewerId }: { id: string; viewerId?: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const comments = useComments(id);
  const fieldId = useId();
  const [body, setBody] = useState('');
  const [personal, setPersonal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const language = i18n.language === 'en' ? 'en' : 'ko';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    if (body.trim() === '') {
      setProblem(t('field.required'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const done = await unwrap(
        api.POST('/v1/follow-ups/{id}/comments', {
          params: { path: { id } },
          // Sealed under the author's data key by the API (README "Personal data").
          body: personal ? { body, personal: true } : { body },
        }),
      );
      rememberPosition(done.position);
      setBody('');
      setPersonal(false);
      setSent(true);
      await client.invalidateQueries({ queryKey: ['follow-up', id] });
    } catch (err) {
      setProblem(t('error.generic', { message: err instanceof Error ? err.message : err }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${fieldId}-heading`} className="panel">
      <h2 id={`${fieldId}-heading`}>{t('comments.title')}</h2>
      <ListState read={comments} items={comments.data?.items} empty={t('comments.empty')}>
        {(items) => (
          <ol className="comments">
            {items.map((c) => {
              const name =
                c.author.id === viewerId
                  ? t('timeline.you')
                  : (comments.data?.people[c.author.id]?.[language] ??
                    `${t(`role.${c.author.role}`, { defaultValue: c.author.role })}${c.author.agency ? `, ${c.author.agency}` : ''}`);
              return (
                <li key={c.commentId}>
                  <p className="comment-meta">
                    <strong>{name}</strong> ·{' '}
                    <time dateTime={c.at}>{formatDateTime(c.at, i18n.language)}</time>
                    {c.personal && (
                      <>
                        {' '}
                        · <span className="badge">{t('comments.personalBadge')}</span>
                      </>
                    )}
                  </p>
                  <p className="prose">{c.body}</p>
                </li>
              );
            })}
          </ol>
        )}
      </ListState>
      <form className="verb-form no-print" onSubmit={submit} noValidate>
        <Notice message={sent && t('comments.sent')} />
        {problem && (
          <p role="alert" className="alert alert-danger">
            {problem}
          </p>
        )}
        <div className="field">
          <label htmlFor={fieldId}>{t('comments.field')}</label>
          <textarea id={fieldId} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <div className="field field-check">
          <input
            id={`${fieldId}-personal`}
            type="checkbox"
            checked={personal}
            aria-describedby={`${fieldId}-personal-hint`}
            onChange={(e) => setPersonal(e.target.checked)}
          />
          <label htmlFor={`${fieldId}-personal`}>{t('comments.personal')}</label>
          <p id={`${fieldId}-personal-hint`} className="hint">
            {t('comments.personalHint')}
          </p>
        </div>
        <div className="button-row">
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            {t('comments.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
