import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { AgencyOptions } from '../../ui/AgencyOptions';
import { adminCalls, ROLES, useAdminChange, useDirectory, type PersonRole } from './admin.queries';
import { emptyFields, loginOk } from './admin-forms';
import { ApiProblem, described, Field, TextField } from './ApiProblem';

const REQUIRED = ['login', 'nameKo', 'nameEn', 'email', 'agency'] as const;
type Key = (typeof REQUIRED)[number];

/** /admin/people/new: a person with a login, names, e-mail, one agency and their roles. */
export function NewPersonSection() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const directory = useDirectory();
  const [values, setValues] = useState<Record<Key, string>>({
    login: '',
    nameKo: '',
    nameEn: '',
    email: '',
    agency: '',
  });
  const [roles, setRoles] = useState<PersonRole[]>(['agency_officer']);
  const [problems, setProblems] = useState<Partial<Record<Key | 'roles', string>>>({});
  const register = useAdminChange(adminCalls.registerPerson);
  const agencies = (directory.data ?? []).filter((a) => a.kind === 'agency' && a.active);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Key | 'roles', string>> = {};
    for (const key of emptyFields(values, REQUIRED)) found[key] = t('admin.required');
    if (values.login && !loginOk(values.login)) found.login = t('admin.person.loginRule');
    if (roles.length === 0) found.roles = t('admin.person.rolesRequired');
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first === 'roles' ? `new-role-${ROLES[0]}` : `new-${first}`)?.focus();
      return;
    }
    register.mutate(
      {
        login: values.login.trim().toLowerCase(),
        displayName: { ko: values.nameKo.trim(), en: values.nameEn.trim() },
        email: values.email.trim(),
        agency: values.agency,
        roles,
      },
      {
        onSuccess: (result) => navigate(`/admin/people/${(result as { id: string }).id}`),
      },
    );
  }

  const input = (key: Key, type = 'text', hint?: string) => (
    <TextField
      id={`new-${key}`}
      label={t(`admin.person.${key}`)}
      hint={hint}
      error={problems[key]}
      type={type}
      value={values[key]}
      autoComplete="off"
      onChange={(e) => {
        setValues({ ...values, [key]: e.target.value });
        // the field's message goes once it is filled; the next submit checks it all again
        if (problems[key]) setProblems({ ...problems, [key]: undefined });
      }}
    />
  );

  return (
    <section aria-labelledby="new-person-heading" className="panel">
      <h2 id="new-person-heading">{t('admin.person.register')}</h2>
      <form className="form wide-form" onSubmit={submit} noValidate>
        {input('login', 'text', t('admin.person.loginRule'))}
        {input('nameKo')}
        {input('nameEn')}
        {input('email', 'email')}
        <Field id="new-agency" label={t('admin.agency')} error={problems.agency}>
          <select
            {...described('new-agency', { error: Boolean(problems.agency) })}
            value={values.agency}
            onChange={(e) => {
              setValues({ ...values, agency: e.target.value });
              if (problems.agency) setProblems({ ...problems, agency: undefined });
            }}
          >
            <option value="">{t('admin.choose')}</option>
            <AgencyOptions agencies={agencies} />
          </select>
        </Field>
        <fieldset
          className="checkbox-group"
          aria-describedby={problems.roles ? 'new-roles-error' : undefined}
        >
          <legend>{t('admin.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="check" htmlFor={`new-role-${role}`}>
              <input
                id={`new-role-${role}`}
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) =>
                  setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))
                }
              />
              {t(`role.${role}`)}
            </label>
          ))}
          {problems.roles && (
            <p id="new-roles-error" className="field-error">
              {problems.roles}
            </p>
          )}
        </fieldset>
        <ApiProblem error={register.error} />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={register.isPending}>
            {register.isPending ? t('admin.saving') : t('admin.person.register')}
          </button>
          <Link href="/admin" className="btn btn-tertiary btn-link">
            {t('admin.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
