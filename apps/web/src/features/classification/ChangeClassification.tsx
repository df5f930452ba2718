import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../api/agencies';
import { api, unwrap, type CommandResult } from '../../api/client';
import { rememberPosition } from '../../api/fresh-reads';
import { Notice } from '../../ui/Notice';
import { draftOf, draftProblem, toRequest, type ClassificationDraft } from './classification';
import type { ClassificationShown } from './ClassificationBadge';
import { ClassificationFields } from './ClassificationFields';

/**
 * The host bureau head raises or lowers a workshop's or a task's classification (POST
 * …/:id/classification): a disclosure button and the form it opens.
 */
export function ChangeClassification({
  target,
  id,
  current,
  agencies,
  peopleFrom,
}: {
  target: 'workshop' | 'follow-up';
  id: string;
  current: ClassificationShown | undefined;
  agencies: readonly Agency[];
  peopleFrom: readonly string[];
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<ClassificationDraft>(() => draftOf(current));
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const lacking = draftProblem(draft);
    if (lacking) {
      setProblem(t(lacking));
      return;
    }
    const classification = toRequest(draft)!;
    setBusy(true);
    setProblem(null);
    try {
      const result = await unwrap<CommandResult>(
        target === 'workshop'
          ? api.POST('/v1/workshops/{id}/classification', {
              params: { path: { id } },
              body: { classification },
            })
          : api.POST('/v1/follow-ups/{id}/classification', {
              params: { path: { id } },
              body: { classification },
            }),
      );
      rememberPosition(result.position);
      await client.invalidateQueries({ queryKey: [target, id] });
      await client.invalidateQueries({ queryKey: ['board'] });
      setDone(true);
      setOpen(false);
    } catch (err) {
      setProblem(t('error.generic', { message: err instanceof Error ? err.message : err }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="inline-form no-print">
      <Notice message={done && t('classification.saved')} />
      <button
        type="button"
        className="btn btn-secondary btn-small"
        aria-expanded={open}
        onClick={() => {
          setDone(false);
          setOpen(!open);
        }}
      >
        {t('classification.change')}
      </button>
      {open && (
        <form
          className="verb-form"
          onSubmit={submit}
          noValidate
          aria-label={t('classification.change')}
        >
          <ClassificationFields
            value={draft}
            onChange={(next) => {
              setDraft(next);
              setProblem(null);
            }}
            agencies={agencies}
            peopleFrom={peopleFrom}
            problem={problem}
          />
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('classification.save')}
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
