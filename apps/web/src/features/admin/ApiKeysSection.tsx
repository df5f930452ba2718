import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { AgencyOptions } from '../../ui/AgencyOptions';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DataTable } from '../../ui/DataTable';
import { ListState } from '../../ui/ListState';
import { Notice } from '../../ui/Notice';
import {
  adminCalls,
  ROLES,
  useAdminChange,
  useApiKeys,
  useDirectory,
  type ApiKey,
  type NewApiKey,
  type PersonRole,
} from './admin.queries';
import { keyExpiryIso, lastKeyDay, needsAgency, seoulDay } from './admin-forms';
import { ApiProblem, described, Field, TextField } from './ApiProblem';

/** /admin/api-keys: keys for machines, scoped to a role and agency; shown once; revocable. */
export function ApiKeysSection() {
  const [created, setCreated] = useState<NewApiKey | null>(null);
  return (
    <>
      {created ? (
        <NewKeyPanel created={created} dismiss={() => setCreated(null)} />
      ) : (
        <CreateKeyForm onCreated={setCreated} />
      )}
      <KeyList />
    </>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (key: NewApiKey) => void }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const now = new Date();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PersonRole>('agency_officer');
  const [agency, setAgency] = useState('');
  const [expires, setExpires] = useState(seoulDay(now, 90));
  const [problems, setProblems] = useState<{ name?: string; agency?: string; expires?: string }>(
    {},
  );
  const create = useAdminChange(adminCalls.createApiKey);
  const agencies = (directory.data ?? []).filter((a) => a.kind === 'agency' && a.active);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof problems = {};
    if (!name.trim()) found.name = t('admin.required');
    if (needsAgency(role) && !agency) found.agency = t('admin.keys.agencyRequired');
    if (!expires) found.expires = t('admin.required');
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`key-${first}`)?.focus();
      return;
    }
    create.mutate(
      {
        name: name.trim(),
        role,
        ...(agency && { agency }),
        expiresAt: keyExpiryIso(expires),
      },
      { onSuccess: (key) => onCreated(key) },
    );
  }

  return (
    <section aria-labelledby="create-key-heading" className="panel">
      <h2 id="create-key-heading">{t('admin.keys.create')}</h2>
      <form className="form wide-form" onSubmit={submit} noValidate>
        <TextField
          id="key-name"
          label={t('admin.keys.name')}
          hint={t('admin.keys.nameHint')}
          error={problems.name}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
        />
        <Field id="key-role" label={t('admin.keys.role')}>
          <select
            id="key-role"
            value={role}
            onChange={(e) => setRole(e.target.value as PersonRole)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="key-agency"
          label={t('admin.agency')}
          hint={t('admin.keys.agencyHint')}
          error={problems.agency}
        >
          <select
            {...described('key-agency', { hint: true, error: Boolean(problems.agency) })}
            value={agency}
            onChange={(e) => setAgency(e.target.value)}
          >
            <option value="">{t('admin.none')}</option>
            <AgencyOptions agencies={agencies} />
          </select>
        </Field>
        <TextField
          id="key-expires"
          label={t('admin.keys.expires')}
          hint={t('admin.keys.expiresHint')}
          error={problems.expires}
          type="date"
          min={seoulDay(now, 1)}
          max={lastKeyDay(now)}
          value={expires}
          onChange={(e) => setExpires(e.target.value)}
        />
        <ApiProblem error={create.error} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('admin.saving') : t('admin.keys.create')}
        </button>
      </form>
    </section>
  );
}

/** The new key, this once: copy it now, it is never shown again. */
function NewKeyPanel({ created, dismiss }: { created: NewApiKey; dismiss: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied('yes');
    } catch {
      // no clipboard (an insecure origin, a refusal): select it for Ctrl+C
      field.current?.select();
      setCopied('no');
    }
  }

  return (
    <section aria-labelledby="new-key-heading" className="panel new-key">
      <h2 id="new-key-heading" ref={heading} tabIndex={-1}>
        {t('admin.keys.created', { name: created.name })}
      </h2>
      <div className="alert alert-warning">
        <p>{t('admin.keys.once')}</p>
      </div>
      <div className="field">
        <label htmlFor="new-key-value">{t('admin.keys.key')}</label>
        <input
          id="new-key-value"
          ref={field}
          className="key-value"
          readOnly
          value={created.key}
          onFocus={(e) => e.target.select()}
        />
      </div>
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={() => void copy()}>
          {t('admin.keys.copy')}
        </button>
        <button type="button" className="btn btn-tertiary" onClick={dismiss}>
          {t('admin.keys.done')}
        </button>
      </div>
      {copied && (
        <p role="status" className={copied === 'yes' ? 'alert alert-success' : 'alert'}>
          {copied === 'yes' ? t('admin.keys.copied') : t('admin.keys.selectToCopy')}
        </p>
      )}
    </section>
  );
}

function stateOf(key: ApiKey, now: number): 'revoked' | 'expired' | 'active' {
  if (key.revokedAt) return 'revoked';
  return Date.parse(key.expiresAt) <= now ? 'expired' : 'active';
}

function KeyList() {
  const { t, i18n } = useTranslation();
  const keys = useApiKeys();
  const revoke = useAdminChange(adminCalls.revokeApiKey);
  const [done, setDone] = useState<string | null>(null);
  const now = Date.now();
  const when = (iso?: string) => (iso ? formatDateTime(iso, i18n.language) : '');
  return (
    <section aria-labelledby="keys-heading" className="panel">
      <h2 id="keys-heading">{t('admin.section.apiKeys')}</h2>
      <ApiProblem error={revoke.error} />
      <Notice message={done} />
      <ListState read={keys} items={keys.data} empty={t('admin.keys.empty')}>
        {(items) => (
          <DataTable
            caption={t('admin.keys.caption')}
            columns={[
              t('admin.keys.name'),
              t('admin.keys.scope'),
              t('admin.keys.createdAt'),
              t('admin.keys.expires'),
              t('admin.keys.lastUsed'),
              t('admin.keys.state'),
              t('admin.actions'),
            ]}
          >
            {items.map((k) => {
              const state = stateOf(k, now);
              return (
                <tr key={k.id}>
                  <th scope="row">
                    {k.name}
                    <br />
                    <code>lsk_{k.id}_…</code>
                  </th>
                  <td>
                    {t(`role.${k.role}`)}
                    {k.agency ? ` · ${k.agency}` : ''}
                  </td>
                  <td>{when(k.createdAt)}</td>
                  <td>{when(k.expiresAt)}</td>
                  <td>{k.lastUsedAt ? when(k.lastUsedAt) : t('admin.keys.neverUsed')}</td>
                  <td>
                    {t(`admin.keys.states.${state}`)}
                    {k.revokedAt ? ` (${when(k.revokedAt)})` : ''}
                  </td>
                  <td>
                    {state !== 'revoked' && (
                      <div className="row-actions">
                        <ConfirmButton
                          label={t('admin.keys.revoke')}
                          name={t('admin.keys.revokeOne', { name: k.name })}
                          confirmLabel={t('admin.keys.confirmRevoke', { name: k.name })}
                          cancelLabel={t('admin.cancel')}
                          onConfirm={async () => {
                            setDone(null);
                            await revoke.mutateAsync(k.id);
                            setDone(t('admin.keys.revoked', { name: k.name }));
                          }}
                        />
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </ListState>
    </section>
  );
}
