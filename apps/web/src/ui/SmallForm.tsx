import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from './Notice';

/**
 * A disclosure button and the form it opens, for the outcome pages' commands: focus moves into
 * the form, a refusal is shown in it, success is announced after it closes.
 */
export function SmallForm({
  label,
  submitLabel,
  doneMessage,
  primary = false,
  children,
  onSubmit,
  onDone,
}: {
  label: string;
  submitLabel?: string;
  doneMessage: string;
  primary?: boolean;
  children: ReactNode;
  /** Throws to refuse; its message is shown. */
  onSubmit: () => Promise<void>;
  /** Instead of announcing here: for a form the command itself removes (a verb now spent). */
  onDone?: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (open) form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit();
      if (onDone) onDone(doneMessage);
      else setDone(true);
      setOpen(false);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="inline-form no-print">
      <Notice message={done && doneMessage} />
      <button
        type="button"
        className={`btn ${primary ? 'btn-primary' : 'btn-secondary btn-small'}`}
        aria-expanded={open}
        onClick={() => {
          setDone(false);
          setOpen(!open);
        }}
      >
        {label}
      </button>
      {open && (
        <form
          ref={form}
          className="verb-form outcome-form"
          onSubmit={submit}
          noValidate
          aria-label={label}
        >
          {problem && (
            <p role="alert" className="alert alert-danger">
              {t('error.generic', { message: problem })}
            </p>
          )}
          {children}
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {submitLabel ?? label}
            </button>
            <button type="button" className="btn btn-tertiary" onClick={() => setOpen(false)}>
              {t('verb.cancelForm')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
