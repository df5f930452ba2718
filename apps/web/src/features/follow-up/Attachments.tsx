import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { rememberPosition } from '../../api/fresh-reads';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../i18n/format';
import { ListState } from '../../ui/ListState';
import { Notice } from '../../ui/Notice';

type Attachments = components['schemas']['AttachmentsDto'];
type Uploaded = components['schemas']['UploadResultDto'];

export function useAttachments(id: string) {
  return useQuery({
    queryKey: ['follow-up', id, 'files'],
    queryFn: () =>
      unwrap<Attachments>(api.GET('/v1/follow-ups/{id}/files', { params: { path: { id } } })),
    retry: (count, error) => count < 2 && !('status' in error),
  });
}

/** The task's files (each a download) and a field to attach one. */
export function AttachmentsPanel({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const files = useAttachments(id);
  const fieldId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setUploaded(false);
    const file = input.current?.files?.[0];
    if (!file) {
      setProblem(t('field.required'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const form = new FormData();
      form.append('file', file);
      const done = await unwrap<Uploaded & { position?: number }>(
        api.POST('/v1/follow-ups/{id}/files', {
          params: { path: { id } },
          body: { file: '' },
          bodySerializer: () => form, // the browser sets the multipart boundary
        }),
      );
      if (typeof done.position === 'number') rememberPosition(done.position);
      if (input.current) input.current.value = '';
      setUploaded(true);
      await client.invalidateQueries({ queryKey: ['follow-up', id] });
    } catch (err) {
      setProblem(t('error.generic', { message: err instanceof Error ? err.message : err }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${fieldId}-heading`} className="panel">
      <h2 id={`${fieldId}-heading`}>{t('files.title')}</h2>
      <ListState read={files} items={files.data?.items} empty={t('files.empty')}>
        {(items) => (
          <ul className="comments">
            {items.map((f) => (
              <li key={f.fileId}>
                <a href={`/v1/follow-ups/${id}/files/${f.fileId}`} download={f.name}>
                  {f.name}
                </a>{' '}
                <span className="comment-meta">
                  {t('files.size', { kb: Math.max(1, Math.round(f.size / 1024)) })} · {f.mediaType}{' '}
                  · <time dateTime={f.at}>{formatDateTime(f.at, i18n.language)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </ListState>
      <form className="verb-form no-print" onSubmit={submit} noValidate>
        <Notice message={uploaded && t('files.uploaded')} />
        {problem && (
          <p role="alert" className="alert alert-danger">
            {problem}
          </p>
        )}
        <div className="field">
          <label htmlFor={fieldId}>{t('files.field')}</label>
          <input id={fieldId} ref={input} type="file" />
        </div>
        <div className="button-row">
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            {t('files.upload')}
          </button>
        </div>
      </form>
    </section>
  );
}
