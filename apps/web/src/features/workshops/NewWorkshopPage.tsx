import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useAgencies, useCounterparts, type Agency } from '../../api/agencies';
import { useMe } from '../../api/session';
import { PageHeading } from '../../ui/PageHeading';
import { draftProblem, PUBLIC_DRAFT, toRequest } from '../classification/classification';
import { ClassificationFields } from '../classification/ClassificationFields';
import { useWorkshopCommands } from './workshops.queries';

function Choices({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: readonly Agency[];
  chosen: readonly string[];
  onChange: (codes: string[]) => void;
}) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {options.map((a) => (
        <label key={a.code} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(a.code)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, a.code] : chosen.filter((c) => c !== a.code))
            }
          />{' '}
          {a.code} · {a.name}
        </label>
      ))}
    </fieldset>
  );
}

/** Record a workshop the person's agency hosted; then its page, to add actions and assign. */
export function NewWorkshopPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [, navigate] = useLocation();
  const agencies = useAgencies();
  const counterparts = useCounterparts();
  const commands = useWorkshopCommands();
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [chosenCounterparts, setCounterparts] = useState<string[]>([]);
  const [attending, setAttending] = useState<string[]>([]);
  const [topics, setTopics] = useState('');
  const [summary, setSummary] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [classification, setClassification] = useState(PUBLIC_DRAFT);
  const [classProblem, setClassProblem] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '' || heldOn === '') {
      setProblem(t('field.required'));
      return;
    }
    const lacking = draftProblem(classification);
    setClassProblem(lacking && t(lacking));
    if (lacking) return;
    setBusy(true);
    setProblem(null);
    try {
      const id = await commands.create({
        title: title.trim(),
        heldOn,
        hostAgency: me?.person.agency ?? '',
        counterparts: chosenCounterparts,
        attendingAgencies: attending,
        topics: topics
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        ...(summary.trim() && { summary: summary.trim() }),
        classification: toRequest(classification),
      });
      navigate(`/workshops/${id}`);
    } catch (err) {
      setProblem(t('error.generic', { message: err instanceof Error ? err.message : err }));
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('workshops.new')}</PageHeading>
      <form className="form wide-form" onSubmit={submit} noValidate>
        {problem && (
          <p role="alert" className="alert alert-danger">
            {problem}
          </p>
        )}
        <div className="field">
          <label htmlFor="ws-title">{t('workshops.titleField')}</label>
          <input id="ws-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ws-held">{t('workshops.heldOn')}</label>
          <input
            id="ws-held"
            type="date"
            value={heldOn}
            onChange={(e) => setHeldOn(e.target.value)}
          />
        </div>
        <Choices
          legend={t('workshops.counterparts')}
          options={counterparts.data ?? []}
          chosen={chosenCounterparts}
          onChange={setCounterparts}
        />
        <Choices
          legend={t('workshops.attending')}
          options={agencies.data ?? []}
          chosen={attending}
          onChange={setAttending}
        />
        <div className="field">
          <label htmlFor="ws-topics">{t('workshops.topics')}</label>
          <textarea
            id="ws-topics"
            rows={3}
            value={topics}
            onChange={(e) => setTopics(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="ws-summary">{t('workshops.summary')}</label>
          <textarea
            id="ws-summary"
            rows={4}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        </div>
        <ClassificationFields
          value={classification}
          onChange={(next) => {
            setClassification(next);
            setClassProblem(null);
          }}
          agencies={agencies.data ?? []}
          peopleFrom={[...(me?.person.agency ? [me.person.agency] : []), ...attending]}
          problem={classProblem}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('workshops.save')}
        </button>
      </form>
    </>
  );
}
