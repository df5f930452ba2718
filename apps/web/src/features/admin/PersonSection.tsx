import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDateTime } from '../../i18n/format';
import { AgencyOptions } from '../../ui/AgencyOptions';
import { LoadError } from '../../ui/ErrorState';
import { Notice } from '../../ui/Notice';
import {
  adminCalls,
  ROLES,
  useAdminChange,
  useDirectory,
  usePerson,
  type Person,
  type PersonRole,
} from './admin.queries';
import { ApiProblem, described, Field, TextField } from './ApiProblem';

/** /admin/people/:id: one person: details, roles, password, deactivation. */
export function PersonSection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const person = usePerson(id);
  if (person.isPending) return <p role="status">{t('app.loading')}</p>;
  if (person.isError) return <LoadError error={person.error} retry={() => void person.refetch()} />;
  const p = person.data;
  const language = i18n.language === 'en' ? 'en' : 'ko';
  return (
    <>
      <p>
        <Link href="/admin">{t('admin.person.back')}</Link>
      </p>
      <section aria-labelledby="person-heading" className="panel">
        <h2 id="person-heading">
          {p.displayName[language]} <span className="muted">({p.login})</span>
        </h2>
        <dl className="details">
          <dt>{t('admin.agency')}</dt>
          <dd>{p.agency}</dd>
          <dt>{t('admin.person.email')}</dt>
          <dd>{p.email}</dd>
          <dt>{t('admin.roles')}</dt>
          <dd>{p.roles.map((r) => t(`role.${r}`)).join(', ') || '—'}</dd>
          <dt>{t('admin.active')}</dt>
          <dd>{p.active ? t('admin.yes') : t('admin.no')}</dd>
          <dt>{t('admin.person.updatedAt')}</dt>
          <dd>{formatDateTime(p.updatedAt, i18n.language)}</dd>
        </dl>
      </section>
      <PersonDetailsForm person={p} />
      <RolesPanel person={p} />
      <PasswordPanel person={p} />
      {p.active && <DeactivatePanel person={p} />}
    </>
  );
}

function PersonDetailsForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const [values, setValues] = useState({
    nameKo: person.displayName.ko,
    nameEn: person.displayName.en,
    email: person.email,
    agency: person.agency,
  });
  const [saved, setSaved] = useState(false);
  const update = useAdminChange(adminCalls.updatePerson);
  const agencies = (directory.data ?? []).filter((a) => a.kind === 'agency' && a.active);
  const empty = (Object.keys(values) as (keyof typeof values)[]).filter((k) => !values[k].trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (empty.length > 0) {
      document.getElementById(`edit-${empty[0]}`)?.focus();
      return;
    }
    update.mutate(
      {
        id: person.id,
        version: person.version,
        body: {
          displayName: { ko: values.nameKo.trim(), en: values.nameEn.trim() },
          email: values.email.trim(),
          ...(values.agency !== person.agency && { agency: values.agency }),
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  const input = (key: 'nameKo' | 'nameEn' | 'email', type = 'text') => (
    <TextField
      id={`edit-${key}`}
      label={t(`admin.person.${key}`)}
      error={empty.includes(key) ? t('admin.required') : undefined}
      type={type}
      value={values[key]}
      onChange={(e) => setValues({ ...values, [key]: e.target.value })}
    />
  );

  return (
    <section aria-labelledby="edit-heading" className="panel">
      <h2 id="edit-heading">{t('admin.person.edit')}</h2>
      <form className="form wide-form" onSubmit={submit} noValidate>
        {input('nameKo')}
        {input('nameEn')}
        {input('email', 'email')}
        <Field id="edit-agency" label={t('admin.agency')} hint={t('admin.person.moveHint')}>
          <select
            {...described('edit-agency', { hint: true })}
            value={values.agency}
            onChange={(e) => setValues({ ...values, agency: e.target.value })}
          >
            <AgencyOptions agencies={agencies} />
          </select>
        </Field>
        <ApiProblem error={update.error} />
        <Notice message={saved && t('admin.saved')} />
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? t('admin.saving') : t('admin.save')}
        </button>
      </form>
    </section>
  );
}

function RolesPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const grant = useAdminChange(adminCalls.grantRole);
  const revoke = useAdminChange(adminCalls.revokeRole);
  const [done, setDone] = useState<string | null>(null);
  const missing = ROLES.filter((r) => !person.roles.includes(r));
  const [role, setRole] = useState<PersonRole | ''>('');
  const chosen = role && missing.includes(role) ? role : '';

  return (
    <section aria-labelledby="roles-heading" className="panel">
      <h2 id="roles-heading">{t('admin.roles')}</h2>
      {person.roles.length === 0 ? (
        <p>{t('admin.person.noRoles')}</p>
      ) : (
        <ul className="role-list">
          {person.roles.map((r) => (
            <li key={r}>
              <span>{t(`role.${r}`)}</span>
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={revoke.isPending || !person.active}
                aria-label={t('admin.person.revokeOne', { role: t(`role.${r}`) })}
                onClick={() => {
                  setDone(null);
                  revoke.mutate(
                    { id: person.id, role: r },
                    {
                      onSuccess: () => setDone(t('admin.person.revoked', { role: t(`role.${r}`) })),
                    },
                  );
                }}
              >
                {t('admin.person.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {person.active && missing.length > 0 && (
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            if (!chosen) return;
            setDone(null);
            grant.mutate(
              { id: person.id, role: chosen },
              {
                onSuccess: () => {
                  setDone(t('admin.person.granted', { role: t(`role.${chosen}`) }));
                  setRole('');
                },
              },
            );
          }}
        >
          <div className="field">
            <label htmlFor="grant-role">{t('admin.person.grantRole')}</label>
            <select
              id="grant-role"
              value={chosen}
              onChange={(e) => setRole(e.target.value as PersonRole)}
            >
              <option value="">{t('admin.choose')}</option>
              {missing.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-primary" disabled={!chosen || grant.isPending}>
            {t('admin.person.grant')}
          </button>
        </form>
      )}
      <ApiProblem error={grant.error ?? revoke.error} />
      <Notice message={done} />
    </section>
  );
}

function PasswordPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [empty, setEmpty] = useState(false);
  const reset = useAdminChange(adminCalls.resetPassword);
  const ended = (reset.data as { sessionsEnded?: number } | undefined)?.sessionsEnded;
  return (
    <section aria-labelledby="password-heading" className="panel">
      <h2 id="password-heading">{t('admin.person.password')}</h2>
      <form
        className="form wide-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setEmpty(!password);
          if (!password) return;
          reset.mutate(
            { id: person.id, newPassword: password },
            { onSuccess: () => setPassword('') },
          );
        }}
      >
        <TextField
          id="new-password"
          label={t('admin.person.newPassword')}
          hint={t('admin.person.passwordHint')}
          error={empty ? t('admin.required') : undefined}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ApiProblem error={reset.error} />
        <Notice message={reset.isSuccess && t('admin.person.passwordSet', { count: ended ?? 0 })} />
        <button type="submit" className="btn btn-primary" disabled={reset.isPending}>
          {t('admin.person.setPassword')}
        </button>
      </form>
    </section>
  );
}

function DeactivatePanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const deactivate = useAdminChange(adminCalls.deactivate);
  return (
    <section aria-labelledby="deactivate-heading" className="panel">
      <h2 id="deactivate-heading">{t('admin.person.deactivate')}</h2>
      <p>{t('admin.person.deactivateHint')}</p>
      <form
        className="form wide-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setEmpty(!reason.trim());
          if (reason.trim()) deactivate.mutate({ id: person.id, reason: reason.trim() });
        }}
      >
        <Field
          id="deactivate-reason"
          label={t('admin.reason')}
          error={empty ? t('admin.required') : undefined}
        >
          <textarea
            {...described('deactivate-reason', { error: empty })}
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <ApiProblem error={deactivate.error} />
        <button type="submit" className="btn btn-secondary" disabled={deactivate.isPending}>
          {t('admin.person.deactivate')}
        </button>
      </form>
    </section>
  );
}
