import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setActingFor } from '../api/client';
import { ME_KEY, useActingFor, type Me } from '../api/session';
import { useColleagues } from '../features/follow-up/follow-up.queries';

/**
 * 대결: for a person with a delegation in force, a choice in the masthead between acting as
 * themself and acting for the colleague who delegated; every page then reads and acts with
 * `X-On-Behalf-Of` (the API checks the delegation on each request and records both people).
 */
export function ActingFor({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const chosen = useActingFor() ?? '';
  const officer = me.person.roles.includes('agency_officer');
  const colleagues = useColleagues(
    me.person.agency ?? undefined,
    officer && me.actingFor.length > 0,
  );
  if (me.actingFor.length === 0) return null;
  const nameOf = (id: string) => {
    const c = colleagues.data?.items.find((p) => p.id === id);
    return c ? (i18n.language === 'en' ? c.displayName.en : c.displayName.ko) : id.slice(0, 8);
  };
  return (
    <div className="field acting-for">
      <label htmlFor="acting-for">{t('actingFor.label')}</label>
      <select
        id="acting-for"
        value={chosen}
        onChange={(e) => {
          const next = e.target.value;
          setActingFor(next || undefined);
          // Every answer so far was for the other person: read them all again.
          void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        }}
      >
        <option value="">{t('actingFor.self')}</option>
        {me.actingFor.map((d) => (
          <option key={d.id} value={d.fromPerson}>
            {t('actingFor.for', { name: nameOf(d.fromPerson) })}
          </option>
        ))}
      </select>
    </div>
  );
}
