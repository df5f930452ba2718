import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies, useCounterparts, type Agency } from '../../api/agencies';
import { formatDate } from '../../i18n/format';
import { LoadError } from '../../ui/ErrorState';
import { hasRole, useMe } from '../../api/session';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import {
  draftProblem,
  INHERIT_DRAFT,
  toRequest,
  type ClassificationDraft,
} from '../classification/classification';
import { ChangeClassification } from '../classification/ChangeClassification';
import { ClassificationBadge } from '../classification/ClassificationBadge';
import { ClassificationFields } from '../classification/ClassificationFields';
import { WorkshopCounterpartRequests } from '../counterparts/WorkshopCounterpartRequests';
import { WorkshopMeetings } from '../meetings/WorkshopMeetings';
import { ProgressReportLinks } from '../report-downloads/ReportLinks';
import { dueAtOf } from '../follow-up/VerbPanel';
import { useWorkshop, useWorkshopCommands, type Workshop } from './workshops.queries';

type Values = Record<string, string>;

interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'select';
  options?: readonly { value: string; label: string }[];
  optional?: boolean;
}

/**
 * A disclosure button and the small labelled form it opens: each record on this page (an
 * action, a request, a follow-up) is one of these.
 */
function InlineForm({
  open: label,
  submitLabel,
  fields,
  initial = {},
  doneMessage,
  extra,
  onSubmit,
}: {
  open: string;
  submitLabel: string;
  fields: readonly FieldSpec[];
  initial?: Values;
  doneMessage?: string;
  /** More of the form after its fields (the classification of a follow-up). */
  extra?: ReactNode;
  onSubmit: (values: Values) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState(false);
  const [values, setValues] = useState<Values>(initial);
  const [missing, setMissing] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  // The opened form takes the focus on its first field.
  const first = fields[0]?.name;
  useEffect(() => {
    if (shown) document.getElementById(`${id}-${first}`)?.focus();
  }, [shown, id, first]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const empty = fields
      .filter((f) => !f.optional && (values[f.name] ?? '').trim() === '')
      .map((f) => f.name);
    setMissing(empty);
    if (empty.length > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit(values);
      setDone(true);
      setShown(false);
      setValues(initial);
    } catch (err) {
      setProblem(t('error.generic', { message: err instanceof Error ? err.message : err }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="inline-form">
      <Notice message={(done && doneMessage) ?? t('workshops.saved')} />
      <button
        type="button"
        className="btn btn-secondary btn-small"
        aria-expanded={shown}
        onClick={() => {
          setDone(false);
          setShown(!shown);
        }}
      >
        {label}
      </button>
      {shown && (
        <form className="verb-form" onSubmit={submit} noValidate aria-label={label}>
          {problem && (
            <p role="alert" className="alert alert-danger">
              {problem}
            </p>
          )}
          {fields.map((f) => {
            const fieldId = `${id}-${f.name}`;
            const invalid = missing.includes(f.name);
            const common = {
              id: fieldId,
              value: values[f.name] ?? '',
              'aria-invalid': invalid,
              'aria-describedby': invalid ? `${fieldId}-error` : undefined,
              onChange: (e: { target: { value: string } }) =>
                setValues((v) => ({ ...v, [f.name]: e.target.value })),
            };
            return (
              <div className="field" key={f.name}>
                <label htmlFor={fieldId}>{f.label}</label>
                {f.kind === 'textarea' ? (
                  <textarea {...common} rows={3} />
                ) : f.kind === 'select' ? (
                  <select {...common}>
                    <option value="">{t('workshops.choose')}</option>
                    {f.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input {...common} type={f.kind} />
                )}
                {invalid && (
                  <p id={`${fieldId}-error`} className="field-error">
                    {t('field.required')}
                  </p>
                )}
              </div>
            );
          })}
          {extra}
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {submitLabel}
            </button>
            <button type="button" className="btn btn-tertiary" onClick={() => setShown(false)}>
              {t('verb.cancelForm')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

const options = (agencies: readonly Agency[]) =>
  agencies.map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }));

/** One agreed action or information request, with its follow-ups and the form to assign one. */
function Source({
  workshop,
  sourceId,
  summary,
  agency,
  dueDate,
  agencies,
}: {
  workshop: Workshop;
  sourceId: string;
  summary: string;
  agency: string;
  dueDate?: string;
  agencies: readonly Agency[];
}): ReactNode {
  const { t, i18n } = useTranslation();
  const commands = useWorkshopCommands();
  const [classification, setClassification] = useState<ClassificationDraft>(INHERIT_DRAFT);
  const [classProblem, setClassProblem] = useState<string | null>(null);
  const progress = [
    ...(workshop.progress?.actions ?? []),
    ...(workshop.progress?.requests ?? []),
  ].find((p) => p.sourceId === sourceId);
  return (
    <li className="source">
      <p className="source-summary">{summary}</p>
      <p className="source-meta">
        {agency} · {dueDate ? formatDate(dueDate, i18n.language) : t('workshops.noDueDate')} ·{' '}
        {t('workshops.followUps', { count: progress?.followUps.total ?? 0 })}
      </p>
      <InlineForm
        open={t('workshops.assign')}
        submitLabel={t('workshops.assign')}
        initial={{ title: summary, priority: 'normal' }}
        doneMessage={t('workshops.assigned')}
        fields={[
          {
            name: 'assigneeAgency',
            label: t('workshops.assignee'),
            kind: 'select',
            options: options(agencies),
          },
          { name: 'title', label: t('workshops.followUpTitle'), kind: 'text' },
          {
            name: 'instructions',
            label: t('workshops.instructions'),
            kind: 'textarea',
            optional: true,
          },
          { name: 'due', label: t('workshops.followUpDue'), kind: 'date' },
          {
            name: 'priority',
            label: t('workshops.priority'),
            kind: 'select',
            options: (['urgent', 'high', 'normal', 'low'] as const).map((p) => ({
              value: p,
              label: t(`priority.${p}`),
            })),
          },
        ]}
        extra={
          <ClassificationFields
            value={classification}
            onChange={(next) => {
              setClassification(next);
              setClassProblem(null);
            }}
            agencies={agencies}
            peopleFrom={workshop.attendingAgencies}
            allowInherit
            problem={classProblem}
          />
        }
        onSubmit={async (v) => {
          const lacking = draftProblem(classification);
          setClassProblem(lacking && t(lacking));
          if (lacking) throw new Error(t(lacking));
          const chosen = toRequest(classification);
          await commands.assign({
            workshopId: workshop.id,
            sourceId,
            assigneeAgency: v.assigneeAgency,
            title: v.title.trim(),
            ...(v.instructions?.trim() && { instructions: v.instructions.trim() }),
            dueAt: dueAtOf(v.due),
            priority: v.priority as 'normal',
            ...(chosen && { classification: chosen }),
          });
          setClassification(INHERIT_DRAFT);
        }}
      />
    </li>
  );
}

/** A workshop: what was held and agreed, what was asked, and the follow-ups assigned from it. */
export function WorkshopPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const workshop = useWorkshop(id);
  const agencies = useAgencies();
  const counterparts = useCounterparts();
  const commands = useWorkshopCommands();
  const { data: me } = useMe();

  if (workshop.isPending) return <p role="status">{t('app.loading')}</p>;
  if (workshop.isError) {
    return <LoadError error={workshop.error} retry={() => void workshop.refetch()} />;
  }
  const w = workshop.data;
  const allAgencies = agencies.data ?? [];
  const done = w.progress?.followUps.byStatus.accepted ?? 0;

  return (
    <article>
      <p className="eyebrow">{t('workshops.title')}</p>
      <PageHeading>{w.title}</PageHeading>
      <p className="status-line">
        <ClassificationBadge classification={w.classification} />
      </p>
      {hasRole(me, 'bureau_head') && me?.person.agency === w.hostAgency && (
        <ChangeClassification
          target="workshop"
          id={id}
          current={w.classification}
          agencies={allAgencies}
          peopleFrom={[w.hostAgency, ...w.attendingAgencies]}
        />
      )}
      <section aria-labelledby="ws-details" className="panel">
        <h2 id="ws-details">{t('workshops.details')}</h2>
        <dl className="details">
          <dt>{t('workshops.heldOn')}</dt>
          <dd>{formatDate(w.heldOn, i18n.language)}</dd>
          <dt>{t('followUp.host')}</dt>
          <dd>{w.hostAgency}</dd>
          <dt>{t('workshops.counterparts')}</dt>
          <dd>{w.counterparts.join(', ') || '—'}</dd>
          <dt>{t('workshops.attending')}</dt>
          <dd>{w.attendingAgencies.join(', ') || '—'}</dd>
          {w.topics.length > 0 && (
            <>
              <dt>{t('workshops.topicsShown')}</dt>
              <dd>{w.topics.join(' · ')}</dd>
            </>
          )}
          {w.summary && (
            <>
              <dt>{t('workshops.summary')}</dt>
              <dd className="prose">{w.summary}</dd>
            </>
          )}
          <dt>{t('workshops.progress')}</dt>
          <dd>{t('workshops.progressOf', { done, total: w.progress?.followUps.total ?? 0 })}</dd>
        </dl>
        <ProgressReportLinks workshopId={id} />
      </section>

      <section aria-labelledby="ws-actions" className="panel">
        <h2 id="ws-actions">{t('workshops.actions')}</h2>
        {Object.keys(w.actions).length === 0 ? (
          <p>{t('workshops.noActions')}</p>
        ) : (
          <ul className="sources">
            {Object.entries(w.actions).map(([actionId, a]) => (
              <Source
                key={actionId}
                workshop={w}
                sourceId={actionId}
                summary={a.description}
                agency={a.ownerAgency}
                dueDate={a.dueDate}
                agencies={allAgencies}
              />
            ))}
          </ul>
        )}
        <InlineForm
          open={t('workshops.addAction')}
          submitLabel={t('workshops.addAction')}
          initial={{ ownerAgency: w.hostAgency }}
          fields={[
            { name: 'description', label: t('workshops.description'), kind: 'textarea' },
            {
              name: 'ownerAgency',
              label: t('workshops.owner'),
              kind: 'select',
              options: options(allAgencies),
            },
            { name: 'dueDate', label: t('workshops.dueDate'), kind: 'date', optional: true },
          ]}
          onSubmit={(v) =>
            commands.agreeAction(id, {
              description: v.description.trim(),
              ownerAgency: v.ownerAgency,
              supportingAgencies: [],
              ...(v.dueDate && { dueDate: v.dueDate }),
            })
          }
        />
      </section>

      <section aria-labelledby="ws-requests" className="panel">
        <h2 id="ws-requests">{t('workshops.requests')}</h2>
        {Object.keys(w.requests).length === 0 ? (
          <p>{t('workshops.noRequests')}</p>
        ) : (
          <ul className="sources">
            {Object.entries(w.requests).map(([requestId, r]) => (
              <Source
                key={requestId}
                workshop={w}
                sourceId={requestId}
                summary={r.subject}
                agency={r.requestedFrom}
                dueDate={r.dueDate}
                agencies={allAgencies}
              />
            ))}
          </ul>
        )}
        <InlineForm
          open={t('workshops.addRequest')}
          submitLabel={t('workshops.addRequest')}
          fields={[
            { name: 'subject', label: t('workshops.subject'), kind: 'textarea' },
            {
              name: 'requestedFrom',
              label: t('workshops.requestedFrom'),
              kind: 'select',
              options: options([...(counterparts.data ?? []), ...allAgencies]),
            },
            { name: 'dueDate', label: t('workshops.dueDate'), kind: 'date', optional: true },
          ]}
          onSubmit={(v) =>
            commands.requestInfo(id, {
              subject: v.subject.trim(),
              requestedBy: w.hostAgency,
              requestedFrom: v.requestedFrom,
              ...(v.dueDate && { dueDate: v.dueDate }),
            })
          }
        />
      </section>
      <WorkshopMeetings
        workshopId={id}
        actions={Object.entries(w.actions).map(([actionId, a]) => ({
          id: actionId,
          description: a.description,
        }))}
        canRun={hasRole(me, 'bureau_head') && me?.person.agency === w.hostAgency}
      />
      <WorkshopCounterpartRequests
        workshopId={id}
        infoRequests={Object.entries(w.requests)
          .filter(([, r]) => (counterparts.data ?? []).some((c) => c.code === r.requestedFrom))
          .map(([requestId, r]) => ({
            id: requestId,
            subject: r.subject,
            counterpart: r.requestedFrom,
          }))}
        canRun={hasRole(me, 'bureau_head') && me?.person.agency === w.hostAgency}
      />
    </article>
  );
}
