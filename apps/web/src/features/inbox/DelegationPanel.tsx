import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ME_KEY, type Me } from '../../api/session';
import { formatDateTime } from '../../i18n/format';
import { useColleagues } from '../follow-up/follow-up.queries';
import { Notice } from '../../ui/Notice';

/** A day picked in a date field: from the start of that day in Seoul, or until its end. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+09:00`).toISOString();
const dayEnd = (day: string) => new Date(`${day}T23:59:59+09:00`).toISOString();

/**
 * 대결 지정: an officer going away names a colleague of the agency to act for them between two
 * days (POST /v1/delegations), and sees the delegations they gave that are not over.
 */
export function DelegationPanel({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const colleagues = useColleagues(me.person.agency ?? undefined, true);
  const [form, setForm] = useState({ to: '', from: '', until: '', reason: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const given = me.delegations.filter((d) => d.fromPerson === me.person.id);
  const others = (colleagues.data?.items ?? []).filter((c) => c.id !== me.person.id);
  const nameOf = (id: string) => {
    const c = colleagues.data?.items.find((p) => p.id === id);
    return c ? (i18n.language === 'en' ? c.displayName.en : c.displayName.ko) : id.slice(0, 8);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (!form.to || !form.from || !form.until) {
      setProblem(t('delegation.required'));
      return;
    }
    setProblem(null);
    try {
      await unwrap(
        api.POST('/v1/delegations', {
          body: {
            toPersonId: form.to,
            startsAt: dayStart(form.from),
            endsAt: dayEnd(form.until),
            ...(form.reason.trim() && { reason: form.reason.trim() }),
          },
        }),
      );
      setDone(true);
      setForm({ to: '', from: '', until: '', reason: '' });
      await client.invalidateQueries({ queryKey: ME_KEY });
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section aria-labelledby="delegation-heading" className="panel">
      <h2 id="delegation-heading">{t('delegation.title')}</h2>
      {given.length > 0 && (
        <ul>
          {given.map((d) => (
            <li key={d.id}>
              {t('delegation.given', {
                name: nameOf(d.toPerson),
                from: formatDateTime(d.startsAt, i18n.language),
                until: formatDateTime(d.endsAt, i18n.language),
              })}
            </li>
          ))}
        </ul>
      )}
      <form className="filters" onSubmit={submit} noValidate aria-label={t('delegation.title')}>
        <div className="field">
          <label htmlFor="delegation-to">{t('delegation.to')}</label>
          <select
            id="delegation-to"
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
          >
            <option value="">{t('field.chooseColleague')}</option>
            {others.map((c) => (
              <option key={c.id} value={c.id}>
                {i18n.language === 'en' ? c.displayName.en : c.displayName.ko}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="delegation-from">{t('delegation.from')}</label>
          <input
            id="delegation-from"
            type="date"
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="delegation-until">{t('delegation.until')}</label>
          <input
            id="delegation-until"
            type="date"
            value={form.until}
            onChange={(e) => setForm({ ...form, until: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="delegation-reason">{t('delegation.reason')}</label>
          <input
            id="delegation-reason"
            value={form.reason}
            onChange={(e) => setForm({ ...form, reason: e.target.value })}
          />
        </div>
        <button type="submit" className="btn btn-secondary">
          {t('delegation.grant')}
        </button>
      </form>
      {problem && (
        <p role="alert" className="alert alert-danger">
          {problem}
        </p>
      )}
      <Notice message={done && t('delegation.granted')} />
    </section>
  );
}
