import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencyOptions } from '../../ui/AgencyOptions';
import { DataTable } from '../../ui/DataTable';
import { LoadError } from '../../ui/ErrorState';
import { Notice } from '../../ui/Notice';
import { adminCalls, useAdminChange, useDirectory, type AgencyEntry } from './admin.queries';
import { agencyCodeOk } from './admin-forms';
import { ApiProblem, described, Field, TextField } from './ApiProblem';

/** /admin/agencies: the directory's agencies and counterparts; register, rename, (de)activate. */
export function AgenciesSection() {
  const { t } = useTranslation();
  const directory = useDirectory();
  const [editing, setEditing] = useState<string | null>(null);
  const toggle = useAdminChange(adminCalls.updateAgency);
  const [done, setDone] = useState<string | null>(null);
  if (directory.isPending) return <p role="status">{t('app.loading')}</p>;
  if (directory.isError) {
    return <LoadError error={directory.error} retry={() => void directory.refetch()} />;
  }
  const list = [...directory.data].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code),
  );
  const edited = list.find((a) => a.code === editing);
  const agencies = list.filter((a) => a.kind === 'agency' && a.active);
  return (
    <>
      <RegisterAgencyForm agencies={agencies} />
      {edited && (
        <EditAgencyForm
          key={edited.code}
          agency={edited}
          agencies={agencies}
          close={() => setEditing(null)}
        />
      )}
      <section aria-labelledby="agencies-heading" className="panel">
        <h2 id="agencies-heading">{t('admin.section.agencies')}</h2>
        <ApiProblem error={toggle.error} />
        <Notice message={done} />
        <DataTable
          caption={t('admin.agencyForm.caption')}
          columns={[
            t('admin.agencyForm.code'),
            t('admin.agencyForm.name'),
            t('admin.agencyForm.kind'),
            t('admin.agencyForm.liaison'),
            t('admin.active'),
            t('admin.actions'),
          ]}
        >
          {list.map((a) => (
            <tr key={a.code}>
              <th scope="row">{a.code}</th>
              <td>{a.name}</td>
              <td>{t(`admin.agencyForm.kinds.${a.kind}`)}</td>
              <td>{a.liaisonAgency ?? ''}</td>
              <td>{a.active ? t('admin.yes') : t('admin.no')}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className="btn btn-tertiary btn-small"
                    aria-label={t('admin.agencyForm.editOne', { code: a.code })}
                    onClick={() => setEditing(a.code)}
                  >
                    {t('admin.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    disabled={toggle.isPending}
                    aria-label={t(
                      a.active ? 'admin.agencyForm.deactivateOne' : 'admin.agencyForm.activateOne',
                      { code: a.code },
                    )}
                    onClick={() => {
                      setDone(null);
                      toggle.mutate(
                        { code: a.code, body: { active: !a.active } },
                        {
                          onSuccess: () =>
                            setDone(
                              t(
                                a.active
                                  ? 'admin.agencyForm.deactivated'
                                  : 'admin.agencyForm.activated',
                                {
                                  code: a.code,
                                },
                              ),
                            ),
                        },
                      );
                    }}
                  >
                    {a.active ? t('admin.agencyForm.deactivate') : t('admin.agencyForm.activate')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}

function RegisterAgencyForm({ agencies }: { agencies: AgencyEntry[] }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'agency' | 'counterpart'>('agency');
  const [liaison, setLiaison] = useState('');
  const [problems, setProblems] = useState<{ code?: string; name?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const register = useAdminChange(adminCalls.registerAgency);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found: { code?: string; name?: string } = {};
    if (!code.trim()) found.code = t('admin.required');
    else if (!agencyCodeOk(code.trim())) found.code = t('admin.agencyForm.codeRule');
    if (!name.trim()) found.name = t('admin.required');
    setProblems(found);
    if (found.code || found.name) {
      document.getElementById(found.code ? 'agency-code' : 'agency-name')?.focus();
      return;
    }
    const registered = code.trim();
    register.mutate(
      {
        code: registered,
        name: name.trim(),
        kind,
        ...(kind === 'counterpart' && liaison && { liaisonAgency: liaison }),
      },
      {
        onSuccess: () => {
          setDone(t('admin.agencyForm.registered', { code: registered }));
          setCode('');
          setName('');
          setLiaison('');
        },
      },
    );
  }

  return (
    <section aria-labelledby="register-agency-heading" className="panel">
      <h2 id="register-agency-heading">{t('admin.agencyForm.register')}</h2>
      <form className="form wide-form" onSubmit={submit} noValidate>
        <TextField
          id="agency-code"
          label={t('admin.agencyForm.code')}
          hint={t('admin.agencyForm.codeRule')}
          error={problems.code}
          value={code}
          autoComplete="off"
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
        <TextField
          id="agency-name"
          label={t('admin.agencyForm.name')}
          error={problems.name}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Field id="agency-kind" label={t('admin.agencyForm.kind')}>
          <select
            id="agency-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as 'agency' | 'counterpart')}
          >
            <option value="agency">{t('admin.agencyForm.kinds.agency')}</option>
            <option value="counterpart">{t('admin.agencyForm.kinds.counterpart')}</option>
          </select>
        </Field>
        {kind === 'counterpart' && (
          <Field
            id="agency-liaison"
            label={t('admin.agencyForm.liaison')}
            hint={t('admin.agencyForm.liaisonHint')}
          >
            <select
              {...described('agency-liaison', { hint: true })}
              value={liaison}
              onChange={(e) => setLiaison(e.target.value)}
            >
              <option value="">{t('admin.none')}</option>
              <AgencyOptions agencies={agencies} />
            </select>
          </Field>
        )}
        <ApiProblem error={register.error} />
        <Notice message={done} />
        <button type="submit" className="btn btn-primary" disabled={register.isPending}>
          {register.isPending ? t('admin.saving') : t('admin.agencyForm.register')}
        </button>
      </form>
    </section>
  );
}

function EditAgencyForm({
  agency,
  agencies,
  close,
}: {
  agency: AgencyEntry;
  agencies: AgencyEntry[];
  close: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(agency.name);
  const [liaison, setLiaison] = useState(agency.liaisonAgency ?? '');
  const update = useAdminChange(adminCalls.updateAgency);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="edit-agency-heading" className="panel">
      <h2 id="edit-agency-heading" ref={heading} tabIndex={-1}>
        {t('admin.agencyForm.editOne', { code: agency.code })}
      </h2>
      <form
        className="form wide-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          update.mutate(
            {
              code: agency.code,
              body: {
                name: name.trim(),
                ...(agency.kind === 'counterpart' && { liaisonAgency: liaison || null }),
              },
            },
            { onSuccess: close },
          );
        }}
      >
        <TextField
          id="edit-agency-name"
          label={t('admin.agencyForm.name')}
          error={name.trim() ? undefined : t('admin.required')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {agency.kind === 'counterpart' && (
          <Field id="edit-agency-liaison" label={t('admin.agencyForm.liaison')}>
            <select
              id="edit-agency-liaison"
              value={liaison}
              onChange={(e) => setLiaison(e.target.value)}
            >
              <option value="">{t('admin.none')}</option>
              <AgencyOptions agencies={agencies} />
            </select>
          </Field>
        )}
        <ApiProblem error={update.error} />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {t('admin.save')}
          </button>
          <button type="button" className="btn btn-tertiary" onClick={close}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
