import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DataTable } from '../../ui/DataTable';
import { LoadError } from '../../ui/ErrorState';
import { Notice } from '../../ui/Notice';
import {
  adminCalls,
  useAdminChange,
  useDirectory,
  useWebhooks,
  type Webhook,
} from './admin.queries';
import { ApiProblem, TextField } from './ApiProblem';

/**
 * /admin/webhooks: where each agency's tasks are POSTed (signed with the agency's secret).
 * Without one, tasks wait in the agency's inbox.
 */
export function WebhooksSection() {
  const { t, i18n } = useTranslation();
  const directory = useDirectory();
  const agencies = (directory.data ?? []).filter((a) => a.kind === 'agency' && a.active);
  const hooks = useWebhooks(agencies.map((a) => a.code));
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useAdminChange(adminCalls.removeWebhook);
  const [done, setDone] = useState<string | null>(null);
  if (directory.isPending) return <p role="status">{t('app.loading')}</p>;
  if (directory.isError) {
    return <LoadError error={directory.error} retry={() => void directory.refetch()} />;
  }
  const failed = hooks.find((h) => h.isError);
  return (
    <>
      {editing && (
        <WebhookForm
          key={editing}
          code={editing}
          current={hooks[agencies.findIndex((a) => a.code === editing)]?.data ?? null}
          close={(message) => {
            setEditing(null);
            setDone(message ?? null);
          }}
        />
      )}
      <section aria-labelledby="webhooks-heading" className="panel">
        <h2 id="webhooks-heading">{t('admin.section.webhooks')}</h2>
        <p>{t('admin.hooks.intro')}</p>
        {failed && <LoadError error={failed.error} retry={() => void failed.refetch()} />}
        <ApiProblem error={remove.error} />
        <Notice message={done} />
        <DataTable
          caption={t('admin.hooks.caption')}
          columns={[
            t('admin.agency'),
            t('admin.hooks.url'),
            t('admin.hooks.state'),
            t('admin.hooks.updatedAt'),
            t('admin.actions'),
          ]}
        >
          {agencies.map((a, i) => {
            const hook = hooks[i]?.data;
            return (
              <tr key={a.code}>
                <th scope="row">
                  {a.code}
                  <br />
                  <span className="muted">{a.name}</span>
                </th>
                <td>{hook ? <code>{hook.url}</code> : t('admin.hooks.none')}</td>
                <td>
                  {hook
                    ? hook.active
                      ? t('admin.hooks.active')
                      : t('admin.hooks.paused')
                    : hooks[i]?.isPending
                      ? t('app.loading')
                      : '—'}
                </td>
                <td>{hook ? formatDateTime(hook.updatedAt, i18n.language) : ''}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="btn btn-tertiary btn-small"
                      aria-label={t(hook ? 'admin.hooks.editOne' : 'admin.hooks.setOne', {
                        code: a.code,
                      })}
                      onClick={() => setEditing(a.code)}
                    >
                      {hook ? t('admin.edit') : t('admin.hooks.set')}
                    </button>
                    {hook && (
                      <ConfirmButton
                        label={t('admin.hooks.remove')}
                        name={t('admin.hooks.removeOne', { code: a.code })}
                        confirmLabel={t('admin.hooks.confirmRemove', { code: a.code })}
                        cancelLabel={t('admin.cancel')}
                        onConfirm={async () => {
                          await remove.mutateAsync(a.code);
                          setDone(t('admin.hooks.removed', { code: a.code }));
                        }}
                      />
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      </section>
    </>
  );
}

function WebhookForm({
  code,
  current,
  close,
}: {
  code: string;
  current: Webhook | null;
  close: (message?: string) => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(current?.url ?? '');
  const [secret, setSecret] = useState('');
  const [active, setActive] = useState(current?.active ?? true);
  const [problems, setProblems] = useState<{ url?: string; secret?: string }>({});
  const save = useAdminChange(adminCalls.setWebhook);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof problems = {};
    if (!/^https?:\/\/\S+$/.test(url.trim())) found.url = t('admin.hooks.urlRule');
    if (secret.length < 16) found.secret = t('admin.hooks.secretRule');
    setProblems(found);
    if (found.url || found.secret) {
      document.getElementById(found.url ? 'hook-url' : 'hook-secret')?.focus();
      return;
    }
    save.mutate(
      { code, body: { url: url.trim(), secret, active } },
      { onSuccess: () => close(t('admin.hooks.saved', { code })) },
    );
  }

  return (
    <section aria-labelledby="hook-form-heading" className="panel">
      <h2 id="hook-form-heading" ref={heading} tabIndex={-1}>
        {t(current ? 'admin.hooks.editOne' : 'admin.hooks.setOne', { code })}
      </h2>
      <form className="form wide-form" onSubmit={submit} noValidate>
        <TextField
          id="hook-url"
          label={t('admin.hooks.url')}
          hint={t('admin.hooks.urlRule')}
          error={problems.url}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <TextField
          id="hook-secret"
          label={t('admin.hooks.secret')}
          hint={t(current ? 'admin.hooks.secretReplace' : 'admin.hooks.secretRule')}
          error={problems.secret}
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
        <div className="field-check">
          <input
            id="hook-active"
            type="checkbox"
            checked={active}
            onChange={(e) => setActive(e.target.checked)}
          />
          <label htmlFor="hook-active">{t('admin.hooks.deliver')}</label>
        </div>
        <ApiProblem error={save.error} />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('admin.save')}
          </button>
          <button type="button" className="btn btn-tertiary" onClick={() => close()}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
