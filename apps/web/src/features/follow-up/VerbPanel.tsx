import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { availableVerbs, inputOf, type OfficerVerb, type Viewer } from './verbs';
import type { FollowUp } from '../../api/client';

export interface VerbPanelProps {
  task: Pick<FollowUp, 'status' | 'assigneeAgency' | 'version' | 'officerId'>;
  viewer: Viewer;
  /** Sends the verb (with If-Match: the task's version); rejects with ApiError on refusal. */
  perform: (verb: OfficerVerb, text?: string) => Promise<void>;
  /** Reloads the task after a conflict. */
  reload: () => void;
}

/** The task's verbs as buttons; those that need words open a labelled field first. */
export function VerbPanel({ task, viewer, perform, reload }: VerbPanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OfficerVerb | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<'conflict' | 'required' | string | null>(null);
  const [done, setDone] = useState<OfficerVerb | null>(null);
  const fieldId = useId();
  const verbs = availableVerbs(task, viewer);

  async function run(verb: OfficerVerb, body?: string) {
    setBusy(true);
    setProblem(null);
    try {
      await perform(verb, body);
      setDone(verb);
      setOpen(null);
      setText('');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setProblem('conflict');
      else setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  function choose(verb: OfficerVerb) {
    setDone(null);
    if (inputOf(verb) === undefined) void run(verb);
    else {
      setProblem(null);
      setOpen(verb);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (open === null) return;
    if (text.trim() === '') {
      setProblem('required');
      return;
    }
    void run(open, text.trim());
  }

  const input = open === null ? undefined : inputOf(open);
  return (
    <section aria-labelledby={`${fieldId}-heading`} className="panel">
      <h2 id={`${fieldId}-heading`}>{t('followUp.actions')}</h2>
      {problem === 'conflict' && (
        <div role="alert" className="alert alert-warning">
          <p>{t('error.conflict')}</p>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setProblem(null);
              setOpen(null);
              reload();
            }}
          >
            {t('error.reload')}
          </button>
        </div>
      )}
      {problem !== null && problem !== 'conflict' && problem !== 'required' && (
        <p role="alert" className="alert alert-danger">
          {t('error.generic', { message: problem })}
        </p>
      )}
      {done !== null && (
        <p role="status" className="alert alert-success">
          {t('followUp.done', { verb: t(`verb.${done}`) })}
        </p>
      )}
      {verbs.length === 0 ? (
        <p>{t('followUp.noActions')}</p>
      ) : (
        <div className="button-row">
          {verbs.map((verb) => (
            <button
              key={verb}
              type="button"
              className={verb === 'decline' ? 'btn btn-secondary' : 'btn btn-primary'}
              aria-expanded={inputOf(verb) === undefined ? undefined : open === verb}
              disabled={busy}
              onClick={() => choose(verb)}
            >
              {t(`verb.${verb}`)}
            </button>
          ))}
        </div>
      )}
      {open !== null && input !== undefined && (
        <form className="verb-form" onSubmit={submit} noValidate>
          <label htmlFor={fieldId}>{t(`field.${input}`)}</label>
          <textarea
            id={fieldId}
            value={text}
            rows={4}
            required
            autoFocus
            aria-invalid={problem === 'required'}
            aria-describedby={problem === 'required' ? `${fieldId}-error` : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {problem === 'required' && (
            <p id={`${fieldId}-error`} className="field-error">
              {t('field.required')}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t(`verb.${open}`)}
            </button>
            <button type="button" className="btn btn-tertiary" onClick={() => setOpen(null)}>
              {t('verb.cancelForm')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
