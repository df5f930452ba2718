import { useQueries } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../api/agencies';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { LEVELS, type ClassificationDraft } from './classification';

type Colleagues = components['schemas']['ColleaguesDto'];

/** The officers of each agency a confidential item may name (the colleague picker's route). */
function useOfficersOf(codes: readonly string[], enabled: boolean) {
  return useQueries({
    queries: codes.map((code) => ({
      queryKey: ['colleagues', code],
      queryFn: () =>
        unwrap<Colleagues>(api.GET('/v1/agencies/{code}/officers', { params: { path: { code } } })),
      enabled,
      staleTime: 5 * 60_000,
    })),
  });
}

function toggle(list: readonly string[], item: string, on: boolean): string[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

/**
 * The classification part of a form: the level as radio buttons, then the agencies (restricted)
 * or the people (confidential) it names. `peopleFrom`: the agencies whose officers may be named.
 */
export function ClassificationFields({
  value,
  onChange,
  agencies,
  peopleFrom,
  allowInherit = false,
  problem,
}: {
  value: ClassificationDraft;
  onChange: (next: ClassificationDraft) => void;
  agencies: readonly Agency[];
  peopleFrom: readonly string[];
  allowInherit?: boolean;
  problem?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const officers = useOfficersOf(peopleFrom, value.level === 'confidential');
  const language = i18n.language === 'en' ? 'en' : 'ko';
  const levels = allowInherit ? (['inherit', ...LEVELS] as const) : LEVELS;

  return (
    <fieldset className="choices classification-fields" aria-describedby={`${id}-help`}>
      <legend>{t('classification.level')}</legend>
      <p id={`${id}-help`} className="field-hint">
        {t('classification.help')}
      </p>
      <div className="choice-row">
        {levels.map((level) => (
          <label key={level} className="choice">
            <input
              type="radio"
              name={`${id}-level`}
              value={level}
              checked={value.level === level}
              onChange={() => onChange({ ...value, level })}
            />{' '}
            {level === 'inherit'
              ? t('classification.inherits')
              : t(`classification.levels.${level}`)}
          </label>
        ))}
      </div>
      {value.level === 'restricted' && (
        <fieldset className="choices nested" aria-invalid={problem ? true : undefined}>
          <legend>{t('classification.agencies')}</legend>
          {agencies.map((a) => (
            <label key={a.code} className="choice">
              <input
                type="checkbox"
                checked={value.agencies.includes(a.code)}
                onChange={(e) =>
                  onChange({ ...value, agencies: toggle(value.agencies, a.code, e.target.checked) })
                }
              />{' '}
              {a.code} · {a.name}
            </label>
          ))}
        </fieldset>
      )}
      {value.level === 'confidential' && (
        <fieldset className="choices nested" aria-invalid={problem ? true : undefined}>
          <legend>{t('classification.people')}</legend>
          {peopleFrom.map((code, i) => (
            <div key={code} className="people-group">
              <p className="people-group-name">{t('classification.peopleOf', { agency: code })}</p>
              {officers[i]?.isPending ? (
                <p role="status">{t('app.loading')}</p>
              ) : (
                (officers[i]?.data?.items ?? []).map((p) => (
                  <label key={p.id} className="choice">
                    <input
                      type="checkbox"
                      checked={value.people.includes(p.id)}
                      onChange={(e) =>
                        onChange({ ...value, people: toggle(value.people, p.id, e.target.checked) })
                      }
                    />{' '}
                    {p.displayName[language] || p.displayName.ko} ({code})
                  </label>
                ))
              )}
            </div>
          ))}
        </fieldset>
      )}
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
