import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentAuditReason, setAuditReason, subscribeAuditReason } from '../api/audit-reason';
import { ApiError } from '../api/client';

const REASON_FIELD = 'X-Audit-Reason';

/** The API's refusal of a classified read that came without a reason (400 naming the header). */
export function isAuditReasonRefusal(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  const details: unknown = error.body?.details;
  return (
    Array.isArray(details) &&
    details.some((d) => (d as { field?: unknown } | null)?.field === REASON_FIELD)
  );
}

export function useAuditReason(): string | undefined {
  return useSyncExternalStore(subscribeAuditReason, currentAuditReason);
}

/** What was refused: one classified item, a page of the history holding some, or the export. */
export type ReasonFor = 'item' | 'history' | 'export';

const REFUSAL = {
  item: 'auditReason.refused',
  history: 'auditReason.refusedHistory',
  export: 'auditReason.refusedExport',
} as const;

/**
 * What the auditor sees instead of a restricted or confidential item until they say why they
 * read it: the refusal in their language, what to do, and the form. The reason is then sent with
 * every read of this sign-in (the access log keeps it) and the read runs again.
 */
export function AuditReasonForm({ retry, what = 'item' }: { retry: () => void; what?: ReasonFor }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState(currentAuditReason() ?? '');
  const [empty, setEmpty] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft.trim()) {
      setEmpty(true);
      return;
    }
    setAuditReason(draft);
    // every refused read on the page runs again, now with the reason
    void client.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
    retry();
  }

  return (
    <section className="panel audit-reason" aria-labelledby="audit-reason-heading">
      <h2 id="audit-reason-heading" ref={heading} tabIndex={-1}>
        {t('auditReason.title')}
      </h2>
      <div className="alert alert-warning">
        <p>{t(REFUSAL[what])}</p>
        <p>{t('auditReason.next')}</p>
      </div>
      <form className="verb-form" onSubmit={submit} noValidate>
        <label htmlFor="audit-reason">{t('auditReason.label')}</label>
        <p id="audit-reason-hint" className="hint">
          {t('auditReason.hint')}
        </p>
        <textarea
          id="audit-reason"
          rows={3}
          maxLength={1000}
          value={draft}
          aria-invalid={empty || undefined}
          aria-describedby={empty ? 'audit-reason-hint audit-reason-error' : 'audit-reason-hint'}
          onChange={(e) => {
            setDraft(e.target.value);
            if (e.target.value.trim()) setEmpty(false);
          }}
        />
        {empty && (
          <p id="audit-reason-error" className="field-error" role="alert">
            {t('auditReason.empty')}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="btn btn-primary">
            {t('auditReason.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** On the audit pages: the reason this sign-in's reads carry, and the way to forget it. */
export function AuditReasonNote() {
  const { t } = useTranslation();
  const reason = useAuditReason();
  if (!reason) return null;
  return (
    <div className="audit-reason-note" role="note" aria-label={t('auditReason.label')}>
      <p>
        <strong>{t('auditReason.current')}</strong> {reason}
      </p>
      <button
        type="button"
        className="btn btn-tertiary btn-small"
        onClick={() => setAuditReason(undefined)}
      >
        {t('auditReason.clear')}
      </button>
    </div>
  );
}
