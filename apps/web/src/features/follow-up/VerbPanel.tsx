import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { AgencyOptions } from '../../ui/AgencyOptions';
import type { Agency } from '../../api/agencies';
import { Notice } from '../../ui/Notice';
import { availableVerbs, fieldsOf, type Verb, type VerbField, type Viewer } from './verbs';
import type { FollowUp } from '../../api/client';
import type { components } from '../../api/schema';

type Colleague = components['schemas']['ColleaguesDto']['items'][number];

export type VerbValues = Partial<Record<VerbField, string>> & {
  /** A progress note marked personal (sealed under its author's data key by the API). */
  personal?: boolean;
};

/** The verbs whose text may be marked personal. */
const MAY_BE_PERSONAL: readonly Verb[] = ['progress'];

export interface VerbPanelProps {
  task: Pick<
    FollowUp,
    'status' | 'assigneeAgency' | 'hostAgency' | 'version' | 'officerId' | 'classification'
  >;
  viewer: Viewer;
  /** The agencies a task may be reassigned to. */
  agencies?: readonly Agency[];
  /** The assigned agency's officers, whom the task may be handed over to. */
  colleagues?: readonly Colleague[];
  /** Sends the verb (with If-Match: the task's version); rejects with ApiError on refusal. */
  perform: (verb: Verb, values: VerbValues) => Promise<void>;
  /** Reloads the task after a conflict. */
  reload: () => void;
}

/** A due date picked as a day: the end of that working day in Seoul. */
export function dueAtOf(day: string): string {
  return new Date(`${day}T18:00:00+09:00`).toISOString();
}

const QUIET: readonly Verb[] = ['decline', 'reject', 'cancel'];

/** The task's verbs as buttons; those that need more open a labelled form first. */
export function VerbPanel({
  task,
  viewer,
  agencies = [],
  colleagues = [],
  perform,
  reload,
}: VerbPanelProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<Verb | null>(null);
  const [values, setValues] = useState<VerbValues>({});
  const [personal, setPersonal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [missing, setMissing] = useState<readonly VerbField[]>([]);
  const [done, setDone] = useState<Verb | null>(null);
  const formId = useId();
  const verbs = availableVerbs(task, viewer);

  // A form that opens takes the focus on its first field, so the keyboard goes on from there.
  useEffect(() => {
    if (open !== null) document.getElementById(`${formId}-${fieldsOf(open)[0]}`)?.focus();
  }, [open, formId]);

  async function run(verb: Verb, body: VerbValues) {
    setBusy(true);
    setProblem(null);
    try {
      await perform(verb, body);
      setDone(verb);
      setOpen(null);
      setValues({});
      setPersonal(false);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setProblem('conflict');
      else setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  function choose(verb: Verb) {
    setDone(null);
    setProblem(null);
    setMissing([]);
    if (fieldsOf(verb).length === 0) void run(verb, {});
    else {
      setValues({});
      setPersonal(false);
      setOpen(verb);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (open === null) return;
    const fields = fieldsOf(open);
    const empty = fields.filter((f) => (values[f] ?? '').trim() === '');
    setMissing(empty);
    if (empty.length > 0) return;
    const body: VerbValues = {};
    for (const f of fields) {
      const value = (values[f] ?? '').trim();
      body[f] = f === 'dueAt' ? dueAtOf(value) : value;
    }
    if (personal && MAY_BE_PERSONAL.includes(open)) body.personal = true;
    void run(open, body);
  }

  function field(name: VerbField) {
    const id = `${formId}-${name}`;
    const invalid = missing.includes(name);
    const common = {
      id,
      value: values[name] ?? '',
      'aria-invalid': invalid,
      'aria-describedby': invalid ? `${id}-error` : undefined,
      required: true,
    };
    const set = (value: string) => setValues((v) => ({ ...v, [name]: value }));
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>{t(`field.${name}`)}</label>
        {name === 'dueAt' ? (
          <input {...common} type="date" onChange={(e) => set(e.target.value)} />
        ) : name === 'assigneeAgency' ? (
          <select {...common} onChange={(e) => set(e.target.value)}>
            <option value="">{t('field.chooseAgency')}</option>
            <AgencyOptions agencies={agencies.filter((a) => a.code !== task.assigneeAgency)} />
          </select>
        ) : name === 'officerId' ? (
          <select {...common} onChange={(e) => set(e.target.value)}>
            <option value="">{t('field.chooseColleague')}</option>
            {colleagues
              .filter((c) => c.id !== viewer.id && c.id !== task.officerId)
              // a confidential task goes only to the people it names (the server refuses others)
              .filter(
                (c) =>
                  task.classification?.level !== 'confidential' ||
                  (task.classification.people ?? []).includes(c.id),
              )
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {i18n.language === 'en' ? c.displayName.en : c.displayName.ko}
                </option>
              ))}
          </select>
        ) : (
          <textarea {...common} rows={4} onChange={(e) => set(e.target.value)} />
        )}
        {invalid && (
          <p id={`${id}-error`} className="field-error">
            {t('field.required')}
          </p>
        )}
      </div>
    );
  }

  return (
    <section aria-labelledby={`${formId}-heading`} className="panel no-print">
      <h2 id={`${formId}-heading`}>{t('followUp.actions')}</h2>
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
      {problem !== null && problem !== 'conflict' && (
        <p role="alert" className="alert alert-danger">
          {t('error.generic', { message: problem })}
        </p>
      )}
      <Notice message={done !== null && t('followUp.done', { verb: t(`verb.${done}`) })} />
      {verbs.length === 0 ? (
        <p>{t('followUp.noActions')}</p>
      ) : (
        <div className="button-row">
          {verbs.map((verb) => (
            <button
              key={verb}
              type="button"
              className={QUIET.includes(verb) ? 'btn btn-secondary' : 'btn btn-primary'}
              aria-expanded={fieldsOf(verb).length === 0 ? undefined : open === verb}
              disabled={busy}
              onClick={() => choose(verb)}
            >
              {t(`verb.${verb}`)}
            </button>
          ))}
        </div>
      )}
      {open !== null && (
        <form className="verb-form" onSubmit={submit} noValidate aria-label={t(`verb.${open}`)}>
          {fieldsOf(open).map(field)}
          {MAY_BE_PERSONAL.includes(open) && (
            <div className="field field-check">
              <input
                id={`${formId}-personal`}
                type="checkbox"
                checked={personal}
                aria-describedby={`${formId}-personal-hint`}
                onChange={(e) => setPersonal(e.target.checked)}
              />
              <label htmlFor={`${formId}-personal`}>{t('followUp.personal')}</label>
              <p id={`${formId}-personal-hint`} className="hint">
                {t('followUp.personalHint')}
              </p>
            </div>
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
